package io.rapport.server.pages;

import io.rapport.server.common.web.StaticAssets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;

/** The API reference: Swagger UI from its webjar, rendering the served contract. No CDN, works offline. */
@Path("/")
public class DocsPage {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Set<String> VIEWER_FILES = Set.of("swagger-ui-bundle.js", "swagger-ui.css",
            "favicon-32x32.png");
    // Swagger UI sets inline styles on its elements; scripts stay our own origin only.
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    private final StaticAssets assets = new StaticAssets();
    private final String version = SwaggerUiVersion.find();

    @GET
    @Path("docs{slash: /?}")
    public Response page(@PathParam("slash") String slash, @Context Request request) {
        if (slash.isEmpty()) {
            return StaticAssets.headers(Response.status(308).location(URI.create("/docs/")), null).build();
        }
        return assets.serve("web/docs/index.html", request, CSP);
    }

    @GET
    @Path("docs/{file}")
    public Response file(@PathParam("file") String file, @Context Request request) {
        if (file.equals("docs.js") || file.equals("docs.css")) {
            return assets.serve("web/docs/" + file, request, CSP);
        }
        if (!VIEWER_FILES.contains(file)) {
            throw new NotFoundException();
        }
        return assets.serve(WEBJAR + version + "/" + file, request, CSP);
    }
}
