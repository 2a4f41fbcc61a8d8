package io.rapport.sdk;

import io.rapport.sdk.internal.api.AppInstallsApi;
import io.rapport.sdk.model.AppInstall;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
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
