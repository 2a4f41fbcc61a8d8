package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.generated.api.OfficerPhotosApi;
import io.rapport.sdk.generated.invoker.ApiClient;
import io.rapport.sdk.generated.invoker.ApiException;
import io.rapport.sdk.generated.model.OfficerPhoto;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The officer-photo calls, over {@link RawHttp} where the generated client cannot carry raw bytes. */
final class OfficerPhotoCalls {
    private final RawHttp http;
    private final OfficerPhotosApi api;
    private final ObjectMapper mapper;

    OfficerPhotoCalls(ApiClient apiClient) {
        this.http = new RawHttp(apiClient);
        this.api = new OfficerPhotosApi(apiClient);
        this.mapper = apiClient.getObjectMapper();
    }

    OfficerPhoto upload(UUID officerId, HttpRequest.BodyPublisher image, Map<String, String> headers)
            throws ApiException {
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Accept", "application/json, application/problem+json");
        HttpResponse<byte[]> response = http.send("PUT", path(officerId), image, headers);
        try {
            return mapper.readValue(response.body(), OfficerPhoto.class);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    /** Empty when {@code etag} is still the current photo's. */
    Optional<PhotoDownload> download(UUID officerId, String etag, Map<String, String> headers) throws ApiException {
        return http.image(path(officerId), etag, headers);
    }

    void delete(UUID officerId, Map<String, String> headers) throws ApiException {
        api.deleteOfficerPhoto(officerId, headers);
    }

    private static String path(UUID officerId) {
        return "/v1/officers/" + officerId + "/photo";
    }
}
