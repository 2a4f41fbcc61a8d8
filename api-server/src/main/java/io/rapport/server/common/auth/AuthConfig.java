package io.rapport.server.common.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform admin key; blank means "generate one" on the embedded default and "refuse to start" otherwise. */
public class AuthConfig {
    @JsonProperty
    private String adminKey = System.getenv().getOrDefault("RAPPORT_ADMIN_KEY", "");

    public String adminKey() {
        return adminKey;
    }

    public void setAdminKey(String adminKey) {
        this.adminKey = adminKey;
    }
}
