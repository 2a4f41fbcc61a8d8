package io.rapport.server.content;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.generated.api.PartnerLogosApi;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;

public class PartnerLogoResource implements PartnerLogosApi {
    private final ImageStore logos;

    public PartnerLogoResource(ImageStore logos) {
        this.logos = logos;
    }

    @Override
    public Response putPartnerLogo(UUID partnerId, InputStream body) {
        PhotoInfo info = logos.put(Callers.orgId(), partnerId, body);
        return Response.ok(PhotoResource.toDto(info)).header(HttpHeaders.ETAG, info.etag()).build();
    }

    @Override
    public Response getPartnerLogo(UUID partnerId, String ifNoneMatch) {
        return PhotoResource.respond(logos.get(Callers.orgId(), partnerId, ifNoneMatch));
    }

    @Override
    public Response deletePartnerLogo(UUID partnerId) {
        logos.delete(Callers.orgId(), partnerId);
        return Response.noContent().build();
    }
}
