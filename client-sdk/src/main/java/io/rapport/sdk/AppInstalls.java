package io.rapport.sdk;

import io.rapport.sdk.generated.api.AppInstallsApi;
import io.rapport.sdk.generated.model.AppInstall;
import io.rapport.sdk.generated.model.AppInstallCreated;
import io.rapport.sdk.generated.model.AppInstallInput;
import io.rapport.sdk.generated.model.InstallLink;
import io.rapport.sdk.generated.model.InstallLinkExchange;
import io.rapport.sdk.generated.model.InstallLinkToken;
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

    /** Registers an install (creating the relationship if needed); the token is in this response only. */
    public AppInstallCreated register(AppInstallInput input) {
        return executor.create((key, headers) -> api.registerAppInstall(input, key, headers));
    }

    public AppInstall get(UUID installId) {
        return executor.execute(headers -> api.getAppInstall(installId, headers));
    }

    /** A new one-time install link ({@code /i/{code}}, 7 days) for an active install. */
    public InstallLink newLink(UUID installId) {
        return executor.execute(headers -> api.createInstallLink(installId, headers));
    }

    /**
     * Exchanges an install link's code (the part after {@code /i/}) for a fresh install token, as the app
     * page does; needs no credential. Throws with code {@code install_link_used}, {@code install_link_expired}
     * or {@code install_link_unknown} when the link cannot be used.
     */
    public InstallLinkToken exchangeLink(String code) {
        return executor.execute(headers -> api.exchangeInstallLink(new InstallLinkExchange().code(code), headers));
    }

    /** Revokes the install at once: its token answers 401 from now on. Revoking twice is harmless. */
    public void revoke(UUID installId) {
        executor.execute(headers -> {
            api.revokeAppInstall(installId, headers);
            return null;
        });
    }
}
