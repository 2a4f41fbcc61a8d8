package io.rapport.server.common.auth;

import java.util.UUID;

/** The operator holding the configured platform admin key: creates organizations and their first keys. */
public record PlatformCaller() implements Caller {
    public static final String SCOPE = "platform_admin";

    @Override
    public boolean allows(String scope) {
        return SCOPE.equals(scope);
    }

    @Override
    public UUID orgId() {
        throw new IllegalStateException("The platform admin acts on no organization of its own");
    }

    @Override
    public String getName() {
        return "platform-admin";
    }
}
