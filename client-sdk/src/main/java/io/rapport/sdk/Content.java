package io.rapport.sdk;

import io.rapport.sdk.internal.api.ContentApi;
import io.rapport.sdk.internal.api.ContentStatsApi;
import io.rapport.sdk.model.ContentInput;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.ContentPage;
import io.rapport.sdk.model.ContentStats;
import io.rapport.sdk.model.ContentStatus;
import io.rapport.sdk.model.OfficerContentStats;
import io.rapport.sdk.model.StoredImage;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The content library of the branded app, its usage statistics, and the partner logos co-branded
 * material shows. Changes to items are optimistic: every change names the version
 * it was based on ({@link ContentItem#getVersion()}), sent as {@code If-Match}; if someone else
 * changed the item first the call throws {@link ConflictException} with status 412 and code
 * {@code version_mismatch} — fetch the item again and reapply. Thread-safe.
 */
public final class Content {
    private final ContentApi api;
    private final ContentStatsApi stats;
    private final ImageCalls images;
    private final RequestExecutor executor;

    Content(ContentApi api, ContentStatsApi stats, ImageCalls images, RequestExecutor executor) {
        this.api = api;
        this.stats = stats;
        this.images = images;
        this.executor = executor;
    }

    /**
     * Creates a draft at version 1.
     *
     * @param input the fields to store
     * @return the content item
     */
    public ContentItem create(ContentInput input) {
        return executor.create((key, headers) -> api.createContent(input, key, headers));
    }

    /**
     * Reads one content item; another organization's id answers {@link NotFoundException}.
     *
     * @param contentId the content item
     * @return the content item
     */
    public ContentItem get(UUID contentId) {
        return executor.execute(headers -> api.getContent(contentId, headers));
    }

    /**
     * Replaces every field of the item, provided it is still at {@code version}.
     *
     * @param contentId the content item
     * @param version the version the change is based on (the item's current {@code version})
     * @param input the fields to store
     * @return the content item
     */
    public ContentItem update(UUID contentId, int version, ContentInput input) {
        return executor.execute(headers -> api.updateContent(contentId, input, ifMatch(version), headers));
    }

    /**
     * Replaces every field of {@code current}, provided nobody changed it since it was read.
     *
     * @param current the item as last read
     * @param input the fields to store
     * @return the content item
     */
    public ContentItem update(ContentItem current, ContentInput input) {
        return update(current.getId(), current.getVersion(), input);
    }

    /**
     * Publishes a draft at {@code version}; it shows in feeds from its {@code publishAt} until its
     * {@code expireAt}.
     *
     * @param contentId the content item
     * @param version the version the change is based on (the item's current {@code version})
     * @return the content item
     * @throws ConflictException 409 {@code invalid_transition} unless the item is a draft
     */
    public ContentItem publish(UUID contentId, int version) {
        return executor.execute(headers -> api.publishContent(contentId, ifMatch(version), headers));
    }

    /**
     * Archives a draft or published item at {@code version}; archived items cannot change again.
     *
     * @param contentId the content item
     * @param version the version the change is based on (the item's current {@code version})
     * @return the content item
     */
    public ContentItem archive(UUID contentId, int version) {
        return executor.execute(headers -> api.archiveContent(contentId, ifMatch(version), headers));
    }

    /**
     * One page of content items, oldest first.
     *
     * @param query filters and paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public ContentPage list(ContentQuery query) {
        return executor.execute(headers ->
                api.listContent(query.limit(), query.cursor(), query.status(), query.kind(), query.tag(), headers));
    }

    /**
     * Every matching item from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query filters; its limit is the page size (default 500)
     * @return the items
     */
    public Stream<ContentItem> all(ContentQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            ContentPage page = executor.execute(headers ->
                    api.listContent(query.pageSize(), cursor, query.status(), query.kind(), query.tag(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page, oldest first; {@code status}, {@code kind} and {@code tag} filter when not null.
     *
     * @param limit  page size
     * @param cursor where to continue
     * @param status status filter
     * @param kind   kind filter
     * @param tag    tag filter
     * @return the page
     * @deprecated use {@link #list(ContentQuery)}
     */
    @Deprecated(since = "0.2")
    public ContentPage list(Integer limit, String cursor, ContentStatus status, ContentKind kind, String tag) {
        return executor.execute(headers -> api.listContent(limit, cursor, status, kind, tag, headers));
    }

    /**
     * Every matching item.
     *
     * @param status status filter
     * @param kind   kind filter
     * @param tag    tag filter
     * @return the items
     * @deprecated use {@link #all(ContentQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<ContentItem> all(ContentStatus status, ContentKind kind, String tag) {
        return all(ContentQuery.builder().status(status).kind(kind).tag(tag).build());
    }

    /**
     * Views, shares, calculator uses and unique partners of one item over {@code [from, to)}; null
     * bounds default to the last 30 days.
     *
     * @param contentId the content item
     * @param from start of the window (inclusive); null: 30 days before {@code to}
     * @param to end of the window (exclusive); null: now
     * @return the counts
     */
    public ContentStats stats(UUID contentId, OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> stats.getContentStats(contentId, from, to, headers));
    }

    /**
     * The same figures for every item the officer's partners used in the window, most viewed first.
     *
     * @param officerId the officer
     * @param from start of the window (inclusive); null: 30 days before {@code to}
     * @param to end of the window (exclusive); null: now
     * @return the counts per item
     */
    public OfficerContentStats officerStats(UUID officerId, OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> stats.getOfficerContentStats(officerId, from, to, headers));
    }

    /**
     * Uploads or replaces the partner's logo, shown beside the officer's name on co-branded flyers:
     * a JPEG, PNG or WebP of at most 5 MiB, recognised by its bytes.
     *
     * @param partnerId the partner
     * @param image the image bytes: JPEG, PNG or WebP, at most 5 MiB
     * @return the stored image with its size and ETag
     * @throws RapportApiException 415 {@code unsupported_image_type}, 422 {@code invalid_image},
     *                             413 {@code image_too_large}, 404 for an unknown partner
     */
    public StoredImage uploadPartnerLogo(UUID partnerId, byte[] image) {
        Objects.requireNonNull(image, "image");
        return executor.execute(headers -> images.upload(logoPath(partnerId), HttpRequest.BodyPublishers.ofByteArray(image),
                headers));
    }

    /**
     * @throws NotFoundException when the partner is unknown or has no logo (code {@code logo_not_found})
     *
     * @param partnerId the partner
     * @return the bytes with their content type and ETag
     */
    public PhotoDownload downloadPartnerLogo(UUID partnerId) {
        return executor.execute(headers -> images.download(logoPath(partnerId), null, headers)).orElseThrow();
    }

    /**
     * Removes the partner's logo; removing twice is harmless.
     *
     * @param partnerId the partner
     */
    public void deletePartnerLogo(UUID partnerId) {
        executor.execute(headers -> {
            images.delete(logoPath(partnerId), headers);
            return null;
        });
    }

    private static String logoPath(UUID partnerId) {
        return "/v1/partners/" + partnerId + "/logo";
    }

    private static String ifMatch(int version) {
        return "\"" + version + "\"";
    }
}
