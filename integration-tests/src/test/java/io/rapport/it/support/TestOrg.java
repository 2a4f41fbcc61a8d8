package io.rapport.it.support;

import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.Scope;
import java.util.List;
import java.util.UUID;

/** An organization created for a test, with a client holding its key. */
public record TestOrg(UUID orgId, String apiKey, RapportClient client, RapportServerExtension server) {

    /** Another key of this organization, with exactly these scopes. */
    public RapportClient clientWith(Scope... scopes) {
        String secret = client.apiKeys().create(new ApiKeyInput().name("scoped").scopes(new java.util.LinkedHashSet<>(List.of(scopes)))).getSecret();
        return server.client(secret);
    }
}
