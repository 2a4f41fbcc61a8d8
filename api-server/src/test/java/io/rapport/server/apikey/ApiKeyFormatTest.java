package io.rapport.server.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.server.common.auth.Secrets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void aComposedKey_namesItsOrganization() {
        UUID orgId = UUID.randomUUID();
        String key = ApiKeyFormat.compose(orgId, Secrets.random());

        assertThat(ApiKeyFormat.looksLikeKey(key)).isTrue();
        assertThat(ApiKeyFormat.orgIdOf(key)).hasValue(orgId);
    }

    @Test
    void thePrefix_recognisesAKey_withoutRevealingIt() {
        String secret = Secrets.random();
        String key = ApiKeyFormat.compose(UUID.randomUUID(), secret);

        String prefix = ApiKeyFormat.prefixOf(key);
        assertThat(prefix).isEqualTo("rk_…" + secret.substring(0, 8));
        assertThat(secret.length() - 8).isGreaterThanOrEqualTo(32);
    }

    @Test
    void otherTokens_areNotMistakenForKeys() {
        assertThat(ApiKeyFormat.looksLikeKey("rpa_adminkey")).isFalse();
        assertThat(ApiKeyFormat.looksLikeKey("rk_short")).isFalse();
        assertThat(ApiKeyFormat.orgIdOf("rk_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ_secret")).isEmpty();
    }

    @Test
    void secrets_areRandomAnd256Bits() {
        assertThat(Secrets.random()).hasSize(43).isNotEqualTo(Secrets.random());
        assertThat(Secrets.sha256("x")).hasSize(32);
    }
}
