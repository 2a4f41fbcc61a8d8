package io.rapport.server.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractScopesTest {

    private static ContractScopes parse(String yaml) {
        return ContractScopes.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void scope_isOneValue_orAListOfAlternatives() {
        ContractScopes scopes = parse("""
                paths:
                  /a:
                    get:
                      operationId: one
                      x-rapport-scope: partners:read
                    post:
                      operationId: either
                      x-rapport-scope: [events:write, install_token]
                """);

        assertThat(scopes.scopeOf("one")).contains(List.of("partners:read"));
        assertThat(scopes.scopeOf("either")).contains(List.of("events:write", "install_token"));
        assertThat(scopes.scopeOf("unknown")).isEmpty();
    }

    @Test
    void operationWithoutScope_orWithABlankAlternative_isRefused() {
        assertThatThrownBy(() -> parse("""
                paths:
                  /a:
                    get:
                      operationId: none
                """)).hasMessageContaining("none");
        assertThatThrownBy(() -> parse("""
                paths:
                  /a:
                    get:
                      operationId: blank
                      x-rapport-scope: [events:write, ""]
                """)).hasMessageContaining("blank");
        assertThatThrownBy(() -> parse("""
                paths:
                  /a:
                    get:
                      operationId: empty
                      x-rapport-scope: []
                """)).hasMessageContaining("empty");
    }

    @Test
    void installCaller_allowsOnlyTheInstallTokenScope_andOrgKeysNeverDo() {
        InstallCaller install = new InstallCaller(null, null, null, null, null);
        OrgKeyCaller admin = new OrgKeyCaller(null, null, java.util.Set.of(OrgKeyCaller.ADMIN));

        assertThat(install.allows(InstallCaller.SCOPE)).isTrue();
        assertThat(install.allows("events:write")).isFalse();
        assertThat(admin.allows(InstallCaller.SCOPE)).isFalse();
        assertThat(admin.allows("events:write")).isTrue();
    }
}
