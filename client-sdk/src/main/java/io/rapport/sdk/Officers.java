package io.rapport.sdk;

import io.rapport.sdk.internal.api.OfficersApi;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import io.rapport.sdk.model.OfficerPage;
import io.rapport.sdk.model.StoredImage;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Loan officers and their photos. {@code update} and {@code upsertByExternalId} replace every field.
 * Thread-safe.
 */
public final class Officers {
    private final OfficersApi api;
    private final ImageCalls images;
    private final RequestExecutor executor;

    Officers(OfficersApi api, ImageCalls images, RequestExecutor executor) {
        this.api = api;
        this.images = images;
        this.executor = executor;
    }

    /**
     * Creates an officer; retried safely with one idempotency key.
     *
     * @param input the fields to store
     * @return the officer
     */
    public Officer create(OfficerInput input) {
        return executor.create((key, headers) -> api.createOfficer(input, key, headers));
    }

    /**
     * Reads one officer; another organization's id answers {@link NotFoundException}.
     *
     * @param officerId the officer
     * @return the officer
     */
    public Officer get(UUID officerId) {
        return executor.execute(headers -> api.getOfficer(officerId, headers));
    }

    /**
     * Replaces every field of the officer.
     *
     * @param officerId the officer
     * @param input the fields to store
     * @return the officer
     */
    public Officer update(UUID officerId, OfficerInput input) {
        return executor.execute(headers -> api.updateOfficer(officerId, input, headers));
    }

    /**
     * Creates or replaces the officer the CRM knows as {@code externalId}.
     *
     * @param externalId the CRM's own id for the record
     * @param input the fields to store
     * @return the officer
     */
    public Officer upsertByExternalId(String externalId, OfficerInput input) {
        return executor.execute(headers -> api.upsertOfficerByExternalId(externalId, input, headers));
    }

    /**
     * One page of officers.
     *
     * @param query filters and paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public OfficerPage list(OfficersQuery query) {
        return executor.execute(headers -> api.listOfficers(query.limit(), query.cursor(), query.branchId(), query.active(), headers));
    }

    /**
     * Every matching officer from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query filters; its limit is the page size (default 500)
     * @return the officers
     */
    public Stream<Officer> all(OfficersQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            OfficerPage page = executor.execute(headers ->
                    api.listOfficers(query.pageSize(), cursor, query.branchId(), query.active(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page; {@code branchId} and {@code active} filter when not null.
     *
     * @param limit    page size
     * @param cursor   where to continue
     * @param branchId branch filter
     * @param active   active filter
     * @return the page
     * @deprecated use {@link #list(OfficersQuery)}
     */
    @Deprecated(since = "0.2")
    public OfficerPage list(Integer limit, String cursor, UUID branchId, Boolean active) {
        return executor.execute(headers -> api.listOfficers(limit, cursor, branchId, active, headers));
    }

    /**
     * Every matching officer.
     *
     * @param branchId branch filter
     * @param active   active filter
     * @return the officers
     * @deprecated use {@link #all(OfficersQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<Officer> all(UUID branchId, Boolean active) {
        return all(OfficersQuery.builder().branchId(branchId).active(active).build());
    }

    /**
     * Uploads or replaces the officer's photo: a JPEG, PNG or WebP of at most 5 MiB. The server
     * recognises the format from the bytes themselves.
     *
     * @param officerId the officer
     * @param image the image bytes: JPEG, PNG or WebP, at most 5 MiB
     * @return the stored image with its size and ETag
     * @throws RapportApiException 415 {@code unsupported_image_type}, 422 {@code invalid_image},
     *                             413 {@code image_too_large}, 404 for an unknown officer
     */
    public StoredImage uploadPhoto(UUID officerId, byte[] image) {
        Objects.requireNonNull(image, "image");
        return executor.execute(headers -> images.upload(photoPath(officerId), HttpRequest.BodyPublishers.ofByteArray(image), headers));
    }

    /**
     * Uploads the image file at {@code file}, streamed rather than read into memory first.
     *
     * @param officerId the officer
     * @param file the image file
     * @return the stored image with its size and ETag
     * @throws UncheckedIOException when the file cannot be read
     */
    public StoredImage uploadPhoto(UUID officerId, Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Cannot read the photo " + file, e);
        }
        return executor.execute(headers -> images.upload(photoPath(officerId), body, headers));
    }

    /**
     * Downloads the officer's photo with its content type and ETag.
     *
     * @param officerId the officer
     * @return the bytes with their content type and ETag
     * @throws NotFoundException when the officer is unknown or has no photo (code {@code photo_not_found})
     */
    public PhotoDownload downloadPhoto(UUID officerId) {
        return executor.execute(headers -> images.download(photoPath(officerId), null, headers)).orElseThrow();
    }

    /**
     * Downloads the photo only if it changed since the one whose ETag is {@code etag}; empty when it did not.
     *
     * @param officerId the officer
     * @param etag the ETag of the copy already held
     * @return the image, or empty when the held copy is still current
     */
    public Optional<PhotoDownload> downloadPhotoIfChanged(UUID officerId, String etag) {
        Objects.requireNonNull(etag, "etag");
        return executor.execute(headers -> images.download(photoPath(officerId), etag, headers));
    }

    /**
     * Removes the officer's photo; removing twice is harmless.
     *
     * @param officerId the officer
     */
    public void deletePhoto(UUID officerId) {
        executor.execute(headers -> {
            images.delete(photoPath(officerId), headers);
            return null;
        });
    }

    private static String photoPath(UUID officerId) {
        return "/v1/officers/" + officerId + "/photo";
    }
}
