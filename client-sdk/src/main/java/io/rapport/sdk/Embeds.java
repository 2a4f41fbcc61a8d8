package io.rapport.sdk;

import io.rapport.sdk.internal.api.EmbedApi;
import io.rapport.sdk.model.EmbedSettings;
import io.rapport.sdk.model.EmbedToken;
import io.rapport.sdk.model.EmbedTokenInput;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The officer's score card page ({@code /embed/officer}): short-lived signed tokens for one officer
 * ({@code scores:read}), and the origins allowed to frame the page ({@code admin}). Thread-safe; calls
 * throw as described on {@link RapportClient}.
 */
public final class Embeds {
    private final EmbedApi api;
    private final RequestExecutor executor;

    Embeds(EmbedApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * A token for the officer's score card, valid for the server's default (15 minutes).
     *
     * @param officerId the officer whose score card the token opens
     * @return the token and when it expires
     */
    public EmbedToken createToken(UUID officerId) {
        return executor.execute(headers -> api.createEmbedToken(new EmbedTokenInput().officerId(officerId), headers));
    }

    /**
     * A token valid for {@code ttl} (1 minute to 12 hours).
     *
     * @param officerId the officer whose score card the token opens
     * @param ttl       how long it works
     * @return the token and when it expires
     */
    public EmbedToken createToken(UUID officerId, Duration ttl) {
        return executor.execute(headers -> api.createEmbedToken(
                new EmbedTokenInput().officerId(officerId).ttlSeconds(Math.toIntExact(ttl.toSeconds())), headers));
    }

    /** @return the origins allowed to frame the score card (CSP {@code frame-ancestors}); empty: none */
    public List<String> frameAncestors() {
        return executor.execute(api::getEmbedSettings).getFrameAncestors();
    }

    /**
     * Replaces the origins allowed to frame the score card ({@code https://crm.example.com}); empty: none.
     *
     * @param origins the origins, each scheme and host (and port)
     * @return the origins now allowed
     */
    public List<String> setFrameAncestors(List<String> origins) {
        return executor.execute(headers -> api.updateEmbedSettings(new EmbedSettings().frameAncestors(origins), headers))
                .getFrameAncestors();
    }
}
