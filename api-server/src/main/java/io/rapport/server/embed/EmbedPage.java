package io.rapport.server.embed;

import io.rapport.server.common.web.StaticAssets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The officer's score card, {@code /embed/officer?org=<id>#token=...}. The token stays in the fragment
 * (never sent to a server); the org id in the query picks the organization's framing origins for the
 * CSP {@code frame-ancestors}, and the page refuses a token of another organization.
 */
@Path("/embed")
public class EmbedPage {
    private static final Set<String> FILES = Set.of("embed.css", "embed.js");
    private final StaticAssets assets = new StaticAssets();
    private final EmbedService embeds;

    public EmbedPage(EmbedService embeds) {
        this.embeds = embeds;
    }

    @GET
    @Path("officer")
    public Response officer(@QueryParam("org") String org, @Context Request request) {
        return assets.serve("web/embed/officer.html", request, csp(org));
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file, @Context Request request) {
        if (!FILES.contains(file)) {
            throw new NotFoundException();
        }
        return assets.serve("web/embed/" + file, request, StaticAssets.BASE_CSP);
    }

    private String csp(String org) {
        List<String> origins = List.of();
        if (org != null) {
            try {
                origins = embeds.frameAncestors(UUID.fromString(org));
            } catch (IllegalArgumentException e) {
                origins = List.of();
            }
        }
        return StaticAssets.BASE_CSP + "; frame-ancestors 'self'" + (origins.isEmpty() ? "" : " " + String.join(" ", origins));
    }
}
