package io.rapport.server.common.auth;

import java.util.UUID;

/**
 * A partner's branded app, holding its install token: it may use only operations whose
 * {@code x-rapport-scope} lists {@code install_token}, and only for its own relationship.
 */
public record InstallCaller(UUID orgId, UUID installId, UUID officerId, UUID partnerId, UUID relationshipId)
        implements Caller {
    public static final String SCOPE = "install_token";

    @Override
    public boolean allows(String scope) {
        return SCOPE.equals(scope);
    }

    @Override
    public String getName() {
        return "app-install:" + installId;
    }
}
