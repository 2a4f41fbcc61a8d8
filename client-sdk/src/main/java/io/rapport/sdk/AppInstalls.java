package io.rapport.sdk;

import io.rapport.sdk.internal.api.AppInstallsApi;
import io.rapport.sdk.model.AppInstall;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.InstallLink;
import io.rapport.sdk.model.InstallLinkExchange;
import io.rapport.sdk.model.InstallLinkToken;
import io.rapport.sdk.model.KeyRotationInput;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * App installs: a partner's install of an officer's branded app. {@link #register} returns the install
 * token once; the app then builds its own {@link RapportClient} with it as the key, and may send
 * events for its own relationship only. Thread-safe; calls throw as described on {@link RapportClient}.
 */
public final class AppInstalls {
    private final AppInstallsApi api;
    private final RequestExecutor executor;

    AppInstalls(AppInstallsApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * Registers an install (creating the relationship if needed); the token is in this response only.
     *
     * @param input the fields to store
     * @return the install with its token, shown this once
     */
    public AppInstallCreated register(AppInstallInput input) {
        return executor.create((key, headers) -> api.registerAppInstall(input, key, headers));
    }

    /**
     * Reads one app install; another organization's id answers {@link NotFoundException}.
     *
     * @param installId the install
     * @return the install
     */
    public AppInstall get(UUID installId) {
        return executor.execute(headers -> api.getAppInstall(installId, headers));
    }

    /**
     * Rotates an install token without downtime: a new install of the same relationship and platform (its token is
     * in the result only), and the old token set to expire at {@code oldKeyExpiresAt} (null: 24 hours from now),
     * after which it answers 401 {@code install_token_expired}. Needs {@code partners:write}.
     *
     * @param installId       the install whose token to replace
     * @param oldKeyExpiresAt when the old token stops working; null for 24 hours from now
     * @return the new install, with its token (shown this once)
     * @throws ConflictException ({@code install_not_active}) if the install was uninstalled or revoked
     * @throws NotFoundException if the install is not the organization's
     */
    public AppInstallCreated rotate(UUID installId, OffsetDateTime oldKeyExpiresAt) {
        KeyRotationInput input = new KeyRotationInput().oldKeyExpiresAt(oldKeyExpiresAt);
        return executor.execute(headers -> api.rotateAppInstallToken(installId, input, headers));
    }

    /**
     * A new one-time install link ({@code /i/{code}}, 7 days, one use) for an active install; the install's
     * earlier unused links keep working until they expire. Needs {@code partners:write}.
     *
     * @param installId the install
     * @return the link's path (prefix it with the server's public address) and expiry
     * @throws NotFoundException if the install is not the organization's
     * @throws ConflictException ({@code install_inactive}) if the install was uninstalled or revoked
     */
    public InstallLink newLink(UUID installId) {
        return executor.execute(headers -> api.createInstallLink(installId, headers));
    }

    /**
     * Exchanges an install link's code (the part after {@code /i/}) for a fresh install token, as the app
     * page does; needs no credential. The install's earlier token stops working.
     *
     * @param code the link's code
     * @return the install and its fresh token (shown this once)
     * @throws NotFoundException ({@code install_link_unknown}) if no such link exists
     * @throws RapportApiException 410 {@code install_link_used}, {@code install_link_expired} or
     *                             {@code install_inactive} when the link can no longer be used
     * @throws InvalidRequestException 422 if {@code code} is empty or longer than 200 characters
     */
    public InstallLinkToken exchangeLink(String code) {
        return executor.execute(headers -> api.exchangeInstallLink(new InstallLinkExchange().code(code), headers));
    }

    /**
     * Revokes the install at once: its token answers 401 from now on. Revoking twice is harmless.
     *
     * @param installId the install
     */
    public void revoke(UUID installId) {
        executor.execute(headers -> {
            api.revokeAppInstall(installId, headers);
            return null;
        });
    }
}
