package io.rapport.server.pages;

import io.rapport.server.common.web.StaticAssets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;

/**
 * The partner's branded app ({@code /app/}) and its install links ({@code /i/{code}}): static files, no
 * credentials here. The app holds its install token in the browser's storage and calls the API itself.
 */
@Path("/")
public class AppPages {
    private static final Set<String> APP_FILES = Set.of("app.css", "app.js", "sw.js", "calc.js");
    private static final String APP_CSP = StaticAssets.BASE_CSP + "; frame-ancestors 'none'";
    private final StaticAssets assets = new StaticAssets();

    /** {@code /app} moves to {@code /app/}: the service worker's scope, which the page must live inside. */
    @GET
    @Path("app{slash: /?}")
    public Response app(@PathParam("slash") String slash, @Context Request request) {
        if (slash.isEmpty()) {
            return StaticAssets.headers(Response.status(308).location(URI.create("/app/")), null).build();
        }
        return assets.serve("web/app/index.html", request, APP_CSP);
    }

    @GET
    @Path("app/{file}")
    public Response appFile(@PathParam("file") String file, @Context Request request) {
        if (!APP_FILES.contains(file)) {
            throw new NotFoundException();
        }
        return assets.serve("web/app/" + file, request, APP_CSP);
    }

    @GET
    @Path("app/manifest.webmanifest")
    public Response manifest(@QueryParam("name") String name, @QueryParam("color") String color) {
        return StaticAssets.headers(Response.ok(BrandIcons.manifest(name, color), "application/manifest+json"), null)
                .build();
    }

    @GET
    @Path("app/icon.svg")
    public Response icon(@QueryParam("color") String color, @QueryParam("initials") String initials) {
        return StaticAssets.headers(Response.ok(BrandIcons.svg(color, initials), "image/svg+xml"), null).build();
    }

    /** The same page for every code: it reads the code from its own address and exchanges it. */
    @GET
    @Path("i/{code}")
    public Response installLink(@Context Request request) {
        return assets.serve("web/app/install.html", request, APP_CSP);
    }

    @GET
    @Path("i/install.js")
    public Response installScript(@Context Request request) {
        return assets.serve("web/app/install.js", request, APP_CSP);
    }
}
