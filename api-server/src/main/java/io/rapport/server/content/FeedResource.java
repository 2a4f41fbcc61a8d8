package io.rapport.server.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.auth.InstallCaller;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.generated.api.AppApi;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

public class FeedResource implements AppApi {
    /** The feed changes with time (publish windows), so the app must revalidate every time; a 304 is cheap. */
    static final String CACHE_CONTROL = "private, no-cache";
    private final FeedService feeds;
    private final ObjectMapper json;

    public FeedResource(FeedService feeds, ObjectMapper json) {
        this.feeds = feeds;
        this.json = json;
    }

    @Override
    public Response getAppFeed(String ifNoneMatch) {
        InstallCaller install = installCaller();
        // The ETag hashes the very bytes sent, so equal tags always mean byte-identical feeds (a strong ETag).
        byte[] body = serialize(FeedMapping.toDto(feeds.feed(install)));
        String etag = EntityTags.ofBytes(body);
        Response.ResponseBuilder response = EntityTags.noneMatchHits(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    @Override
    public Response getAppOfficerPhoto(String ifNoneMatch) {
        return PhotoResource.respond(feeds.officerPhoto(installCaller(), ifNoneMatch));
    }

    @Override
    public Response getAppPartnerLogo(String ifNoneMatch) {
        return PhotoResource.respond(feeds.partnerLogo(installCaller(), ifNoneMatch));
    }

    private static InstallCaller installCaller() {
        Caller caller = Callers.current();
        if (!(caller instanceof InstallCaller install)) {
            throw ApiProblemException.forbidden("missing_scope", "Only an app install token reads the app's feed");
        }
        return install;
    }

    private byte[] serialize(Object feed) {
        try {
            return json.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The feed always serializes", e);
        }
    }
}
