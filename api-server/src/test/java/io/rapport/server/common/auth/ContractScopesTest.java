package io.rapport.server.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContractScopesTest {

    @Test
    void parse_readsTheScopeOfEachOperation() {
        ContractScopes scopes = ContractScopes.parse("""
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                      x-rapport-scope: partners:read
                    post:
                      operationId: createThing
                      x-rapport-scope: partners:write
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(scopes.scopeOf("listThings")).hasValue("partners:read");
        assertThat(scopes.scopeOf("createThing")).hasValue("partners:write");
        assertThat(scopes.scopeOf("deleteThing")).isEmpty();
    }

    @Test
    void parse_refusesAnOperationWithoutAScope() {
        assertThatThrownBy(() -> ContractScopes.parse("""
                paths:
                  /v1/things:
                    delete:
                      operationId: deleteThing
                """.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("deleteThing");
    }

    @Test
    void theShippedContract_givesEveryOperationAScope() {
        ContractScopes scopes = ContractScopes.parse(io.rapport.server.common.web.ContractResource.load());
        assertThat(scopes.scopeOf("createPartner")).hasValue("partners:write");
        assertThat(scopes.scopeOf("createOrganization")).hasValue("platform_admin");
    }

    @Test
    void orgKeys_withAdmin_mayDoEveryOrgOperation_butNoPlatformOne() {
        OrgKeyCaller admin = new OrgKeyCaller(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                java.util.Set.of("admin"));
        OrgKeyCaller reader = new OrgKeyCaller(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                java.util.Set.of("partners:read"));

        assertThat(admin.allows("partners:write")).isTrue();
        assertThat(admin.allows("platform_admin")).isFalse();
        assertThat(reader.allows("partners:read")).isTrue();
        assertThat(reader.allows("partners:write")).isFalse();
        assertThat(new PlatformCaller().allows("platform_admin")).isTrue();
        assertThat(new PlatformCaller().allows("partners:read")).isFalse();
    }
}
