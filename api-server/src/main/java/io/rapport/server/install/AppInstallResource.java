package io.rapport.server.install;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.AppInstallsApi;
import io.rapport.server.generated.model.AppInstallCreated;
import io.rapport.server.generated.model.AppInstallInput;
import io.rapport.server.generated.model.AppInstallStatus;
import io.rapport.server.generated.model.KeyRotationInput;
import io.rapport.server.generated.model.InstallLinkExchange;
import io.rapport.server.generated.model.InstallLinkToken;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class AppInstallResource implements AppInstallsApi {
    private final AppInstallService installs;
    private final InstallLinks links;

    public AppInstallResource(AppInstallService installs, InstallLinks links) {
        this.installs = installs;
        this.links = links;
    }

    @Override
    public Response registerAppInstall(AppInstallInput input, String idempotencyKey) {
        IssuedInstall issued = installs.register(Callers.orgId(), input.getOfficerId(), input.getPartnerId(),
                input.getPlatform());
        return Response.created(URI.create("/v1/app-installs/" + issued.install().installId()))
                .entity(new AppInstallCreated().appInstall(toDto(issued.install())).token(issued.token())
                        .installLink(toDto(issued.link())))
                .build();
    }

    @Override
    public Response createInstallLink(UUID installId) {
        return Response.status(201).entity(toDto(installs.newLink(Callers.orgId(), installId))).build();
    }

    @Override
    public Response exchangeInstallLink(InstallLinkExchange exchange) {
        InstallLinks.ExchangedLink exchanged = links.exchange(exchange.getCode());
        return Response.ok(new InstallLinkToken().token(exchanged.token()).installId(exchanged.installId()))
                .header("Cache-Control", "no-store").build();
    }

    private static io.rapport.server.generated.model.InstallLink toDto(InstallLink link) {
        return new io.rapport.server.generated.model.InstallLink().path(link.path())
                .expiresAt(Timestamps.utc(link.expiresAt()));
    }

    @Override
    public Response getAppInstall(UUID installId) {
        return Response.ok(toDto(installs.get(Callers.orgId(), installId))).build();
    }

    @Override
    public Response rotateAppInstallToken(UUID installId, KeyRotationInput input) {
        IssuedInstall issued = installs.rotate(Callers.orgId(), installId,
                input == null || input.getOldKeyExpiresAt() == null ? null : input.getOldKeyExpiresAt().toInstant());
        return Response.created(URI.create("/v1/app-installs/" + issued.install().installId()))
                .entity(new AppInstallCreated().appInstall(toDto(issued.install())).token(issued.token()))
                .build();
    }

    @Override
    public Response revokeAppInstall(UUID installId) {
        installs.revoke(Callers.orgId(), installId);
        return Response.noContent().build();
    }

    private static io.rapport.server.generated.model.AppInstall toDto(AppInstall install) {
        return new io.rapport.server.generated.model.AppInstall()
                .id(install.installId())
                .relationshipId(install.relationshipId())
                .officerId(install.officerId())
                .partnerId(install.partnerId())
                .platform(install.platform())
                .status(AppInstallStatus.fromValue(install.status()))
                .prefix(install.prefix())
                .createdAt(Timestamps.utc(install.createdAt()))
                .uninstalledAt(Timestamps.utc(install.uninstalledAt()))
                .revokedAt(Timestamps.utc(install.revokedAt()))
                .expiresAt(Timestamps.utc(install.expiresAt()));
    }
}
