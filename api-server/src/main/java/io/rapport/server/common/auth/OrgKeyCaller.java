package io.rapport.server.common.auth;

import java.util.Set;
import java.util.UUID;

/** A CRM's back end holding an organization API key with scopes; {@code admin} implies them all. */
public record OrgKeyCaller(UUID orgId, UUID keyId, Set<String> scopes) implements Caller {
    public static final String ADMIN = "admin";

    @Override
    public boolean allows(String scope) {
        if (PlatformCaller.SCOPE.equals(scope) || scope.startsWith("install")) {
            return false;
        }
        return scopes.contains(ADMIN) || scopes.contains(scope);
    }

    @Override
    public String getName() {
        return "api-key:" + keyId;
    }
}
