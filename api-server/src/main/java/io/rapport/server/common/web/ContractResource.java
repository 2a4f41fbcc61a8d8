package io.rapport.server.common.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI contract the server was built from; it needs no credentials. */
@Path("/openapi.yaml")
public class ContractResource {
    public static final String CLASSPATH_LOCATION = "openapi/rapport.yaml";
    private final byte[] contract;

    public ContractResource() {
        this.contract = load();
    }

    @GET
    @Produces("application/yaml")
    public Response contract() {
        return Response.ok(contract).header("Cache-Control", "public, max-age=300").build();
    }

    public static byte[] load() {
        try (InputStream in = ContractResource.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("The contract " + CLASSPATH_LOCATION + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
