package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.internal.invoker.ApiException;
import io.rapport.sdk.model.AppFeed;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * What a partner's branded app reads, for a client built with the app's install token as its key:
 * the officer's card and photo, the partner's logo, and the content this partner may see now. A deactivated officer's feed throws
 * {@link RapportApiException} with status 410 and code {@code officer_deactivated}. Thread-safe.
 */
public final class AppFeeds {
    private static final String PATH = "/v1/app/feed";
    private static final String PHOTO_PATH = "/v1/app/officer-photo";
    private static final String LOGO_PATH = "/v1/app/partner-logo";
    private final RawHttp http;
    private final ObjectMapper mapper;
    private final RequestExecutor executor;

    AppFeeds(ApiClient apiClient, RequestExecutor executor) {
        this.http = new RawHttp(apiClient);
        this.mapper = apiClient.getObjectMapper();
        this.executor = executor;
    }

    /**
     * The current feed and its ETag.
     *
     * @return the feed with its ETag
     */
    public FeedSnapshot feed() {
        return executor.execute(headers -> fetch(null, headers)).orElseThrow();
    }

    /**
     * The feed if it changed since the snapshot whose ETag is {@code etag}; empty when it did not (304).
     *
     * @param etag the ETag of the copy already held
     * @return the feed, or empty when the held copy is still current
     */
    public Optional<FeedSnapshot> feedIfChanged(String etag) {
        if (etag == null || etag.isBlank()) {
            throw new IllegalArgumentException("etag must be the ETag of an earlier snapshot");
        }
        return executor.execute(headers -> fetch(etag, headers));
    }

    /**
     * The officer's photo, whose ETag is the card's {@code photoEtag}.
     *
     * @return the bytes with their content type and ETag
     * @throws NotFoundException with code {@code photo_not_found} when the officer has none
     */
    public PhotoDownload officerPhoto() {
        return executor.execute(headers -> http.image(PHOTO_PATH, null, headers)).orElseThrow();
    }

    /**
     * The officer's photo if it is no longer the one whose ETag is {@code etag}; empty when it is (304).
     *
     * @param etag the ETag of the copy already held
     * @return the image, or empty when the held copy is still current
     */
    public Optional<PhotoDownload> officerPhotoIfChanged(String etag) {
        if (etag == null || etag.isBlank()) {
            throw new IllegalArgumentException("etag must be the ETag of an earlier download");
        }
        return executor.execute(headers -> http.image(PHOTO_PATH, etag, headers));
    }

    /**
     * The partner's own logo, for co-branded flyers; its ETag is the feed partner's {@code logoEtag}.
     *
     * @return the bytes with their content type and ETag
     * @throws NotFoundException with code {@code logo_not_found} when the partner has none
     */
    public PhotoDownload partnerLogo() {
        return executor.execute(headers -> http.image(LOGO_PATH, null, headers)).orElseThrow();
    }

    private Optional<FeedSnapshot> fetch(String etag, Map<String, String> headers) throws ApiException {
        headers.put("Accept", "application/json, application/problem+json");
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        HttpResponse<byte[]> response = http.send("GET", PATH, HttpRequest.BodyPublishers.noBody(), headers);
        if (response.statusCode() == RawHttp.NOT_MODIFIED) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FeedSnapshot(mapper.readValue(response.body(), AppFeed.class),
                    response.headers().firstValue("ETag").orElse("")));
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }
}
