package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.internal.invoker.ApiException;
import io.rapport.sdk.model.StoredImage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** Uploaded images (officer photos, partner logos), over {@link RawHttp}: the generated client cannot carry raw bytes. */
final class ImageCalls {
    private final RawHttp http;
    private final ObjectMapper mapper;

    ImageCalls(ApiClient apiClient) {
        this.http = new RawHttp(apiClient);
        this.mapper = apiClient.getObjectMapper();
    }

    StoredImage upload(String path, HttpRequest.BodyPublisher image, Map<String, String> headers) throws ApiException {
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Accept", "application/json, application/problem+json");
        HttpResponse<byte[]> response = http.send("PUT", path, image, headers);
        try {
            return mapper.readValue(response.body(), StoredImage.class);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    /** Empty when {@code etag} is still the current image's. */
    Optional<PhotoDownload> download(String path, String etag, Map<String, String> headers) throws ApiException {
        return http.image(path, etag, headers);
    }

    void delete(String path, Map<String, String> headers) throws ApiException {
        headers.put("Accept", "application/problem+json");
        http.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), headers);
    }
}
