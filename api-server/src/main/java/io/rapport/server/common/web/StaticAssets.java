package io.rapport.server.common.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of the server's pages, read once from the classpath and answered with a strong ETag (a repeat
 * visit, or the service worker's refresh, gets 304) and {@code no-cache}, so a new build shows at once.
 * Every page carries the same strict headers: its own origin only, no Referer (an install link's code
 * must not leak), no sniffing.
 */
public final class StaticAssets {
    public static final String BASE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "font-src 'self'; base-uri 'none'; form-action 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "json", "application/json", "webmanifest", "application/manifest+json", "map", "application/json");
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    private record Asset(byte[] bytes, String type, EntityTag tag) {
    }

    /** A classpath file, or 404 when there is none; {@code csp} goes on HTML answers. */
    public Response serve(String classpathLocation, Request request, String csp) {
        Asset asset = cache.computeIfAbsent(classpathLocation, StaticAssets::load)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(asset.tag());
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(asset.bytes(), asset.type()).tag(asset.tag());
        return headers(answer, csp).build();
    }

    /** The headers every page and asset carries. */
    public static Response.ResponseBuilder headers(Response.ResponseBuilder answer, String csp) {
        answer.header("Cache-Control", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
        if (csp != null) {
            answer.header("Content-Security-Policy", csp);
        }
        return answer;
    }

    private static Optional<Asset> load(String location) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null || location.endsWith("/")) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = location.substring(location.lastIndexOf('.') + 1);
            String type = TYPES.getOrDefault(extension, "application/octet-stream");
            return Optional.of(new Asset(bytes, type, new EntityTag(EntityTags.ofBytes(bytes).replace("\"", ""))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
