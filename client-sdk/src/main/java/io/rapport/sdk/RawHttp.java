package io.rapport.sdk;

import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.internal.invoker.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls the generated client gets wrong: raw image bodies (it would JSON-encode a
 * {@code File}) and conditional GETs whose 304 is an answer, not a failure. It sends through the
 * same {@link HttpClient}, credentials and timeouts as the generated calls, and reports failures as
 * the same {@link ApiException} so {@link RequestExecutor} decodes them in its one place.
 */
final class RawHttp {
    static final int NOT_MODIFIED = 304;
    private final ApiClient apiClient;

    RawHttp(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    /** Sends {@code method path}; answers 2xx and 304 responses, throws {@link ApiException} for the rest. */
    HttpResponse<byte[]> send(String method, String path, HttpRequest.BodyPublisher body,
                              Map<String, String> headers) throws ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiClient.getBaseUri() + path))
                .method(method, body);
        if (apiClient.getReadTimeout() != null) {
            request.timeout(apiClient.getReadTimeout());
        }
        headers.forEach(request::header);
        if (apiClient.getRequestInterceptor() != null) {
            apiClient.getRequestInterceptor().accept(request);
        }
        HttpResponse<byte[]> response;
        try {
            response = apiClient.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
        CallContext.record(response.statusCode(), response.headers());
        int status = response.statusCode();
        if (status / 100 != 2 && status != NOT_MODIFIED) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new ApiException(method + " " + path + " failed with " + status, status, response.headers(), text);
        }
        return response;
    }

    /**
     * A GET whose body is handed over as a stream, unread: 2xx answers only; anything else is read (it is a small
     * problem document) and thrown as {@link ApiException}.
     */
    HttpResponse<java.io.InputStream> stream(String path, Map<String, String> headers) throws ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiClient.getBaseUri() + path)).GET();
        headers.forEach(request::header);
        request.header("Accept", "application/json, application/problem+json");
        if (apiClient.getRequestInterceptor() != null) {
            apiClient.getRequestInterceptor().accept(request);
        }
        HttpResponse<java.io.InputStream> response;
        try {
            response = apiClient.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
        if (response.statusCode() / 100 != 2) {
            String text;
            try (java.io.InputStream body = response.body()) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ApiException(e);
            }
            throw new ApiException("GET " + path + " failed with " + response.statusCode(), response.statusCode(),
                    response.headers(), text);
        }
        return response;
    }

    /** A conditional image GET: empty on 304, else the bytes with their content type and ETag. */
    Optional<PhotoDownload> image(String path, String etag, Map<String, String> headers) throws ApiException {
        headers.put("Accept", "image/jpeg, image/png, image/webp, application/problem+json");
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        HttpResponse<byte[]> response = send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
        if (response.statusCode() == NOT_MODIFIED) {
            return Optional.empty();
        }
        return Optional.of(new PhotoDownload(response.body(),
                response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                response.headers().firstValue("ETag").orElse("")));
    }
}
