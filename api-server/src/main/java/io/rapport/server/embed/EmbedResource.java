package io.rapport.server.embed;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.EmbedApi;
import io.rapport.server.generated.model.EmbedSettings;
import io.rapport.server.generated.model.EmbedToken;
import io.rapport.server.generated.model.EmbedTokenInput;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

public class EmbedResource implements EmbedApi {
    private final EmbedService embeds;

    public EmbedResource(EmbedService embeds) {
        this.embeds = embeds;
    }

    @Override
    public Response createEmbedToken(EmbedTokenInput input) {
        Duration ttl = input.getTtlSeconds() == null ? null : Duration.ofSeconds(input.getTtlSeconds());
        EmbedService.MintedToken minted = embeds.mint(Callers.orgId(), input.getOfficerId(), ttl);
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new EmbedToken().token(minted.token()).officerId(minted.officerId())
                        .expiresAt(Timestamps.utc(minted.expiresAt())).path(minted.path()))
                .build();
    }

    @Override
    public Response getEmbedSettings() {
        return Response.ok(new EmbedSettings().frameAncestors(embeds.frameAncestors(Callers.orgId()))).build();
    }

    @Override
    public Response updateEmbedSettings(EmbedSettings settings) {
        return Response.ok(new EmbedSettings().frameAncestors(
                embeds.setFrameAncestors(Callers.orgId(), settings.getFrameAncestors()))).build();
    }
}
