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
     * A token for the officer's score card, valid for the server's default (15 minutes). Needs {@code scores:read}.
     * The token cannot be revoked; put {@link EmbedToken#getPath()} (the token travels in its fragment) in an
     * iframe.
     *
     * @param officerId the officer whose score card the token opens
     * @return the token, its expiry and the score card's path carrying it
     * @throws InvalidRequestException 422 {@code validation_failed} if the officer is not the organization's,
     *                                 422 {@code officer_deactivated} if the officer is deactivated
     */
    public EmbedToken createToken(UUID officerId) {
        return executor.execute(headers -> api.createEmbedToken(new EmbedTokenInput().officerId(officerId), headers));
    }

    /**
     * A token valid for {@code ttl}. Needs {@code scores:read}. Keep it short: the token cannot be revoked.
     *
     * @param officerId the officer whose score card the token opens
     * @param ttl       how long the token is valid, 1 minute to 12 hours (whole seconds)
     * @return the token, its expiry and the score card's path carrying it
     * @throws InvalidRequestException 422 {@code validation_failed} ({@code ttlSeconds}) if {@code ttl} is out of
     *                                 range or the officer is not the organization's, 422
     *                                 {@code officer_deactivated} if the officer is deactivated
     */
    public EmbedToken createToken(UUID officerId, Duration ttl) {
        return executor.execute(headers -> api.createEmbedToken(
                new EmbedTokenInput().officerId(officerId).ttlSeconds(Math.toIntExact(ttl.toSeconds())), headers));
    }

    /**
     * The origins allowed to frame the score card (its CSP {@code frame-ancestors}). Needs {@code admin}.
     *
     * @return the origins, in the order set; empty (the default) when no other site may frame the page
     */
    public List<String> frameAncestors() {
        return executor.execute(api::getEmbedSettings).getFrameAncestors();
    }

    /**
     * Replaces the origins allowed to frame the score card. Needs {@code admin}.
     *
     * @param origins origins such as {@code https://crm.example.com} (scheme, host with an optional leading
     *                {@code *.}, optional port; at most 20); empty to let no other site frame the page
     * @return the origins now allowed, repeats kept once, in the order given
     * @throws InvalidRequestException 422 {@code validation_failed} naming the entry that is not an origin
     */
    public List<String> setFrameAncestors(List<String> origins) {
        return executor.execute(headers -> api.updateEmbedSettings(new EmbedSettings().frameAncestors(origins), headers))
                .getFrameAncestors();
    }
}
