package io.rapport.server.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbedTokenFormatTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final EmbedTokenFormat.Claims CLAIMS = new EmbedTokenFormat.Claims(UUID.randomUUID(),
            UUID.randomUUID(), Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void signedToken_verifiesWithItsKey_andCarriesItsClaims() {
        String token = EmbedTokenFormat.sign(KEY, CLAIMS);

        assertThat(token).startsWith("ret_");
        assertThat(EmbedTokenFormat.verifies(KEY, token)).isTrue();
        assertThat(EmbedTokenFormat.claimsOf(token)).contains(CLAIMS);
    }

    @Test
    void anotherKey_orAChangedClaim_doesNotVerify() {
        String token = EmbedTokenFormat.sign(KEY, CLAIMS);
        String otherOfficer = EmbedTokenFormat.sign(KEY, new EmbedTokenFormat.Claims(CLAIMS.orgId(), UUID.randomUUID(),
                CLAIMS.expiresAt()));
        String spliced = otherOfficer.substring(0, otherOfficer.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(EmbedTokenFormat.verifies("another key, just as long, 32 by".getBytes(), token)).isFalse();
        assertThat(EmbedTokenFormat.verifies(KEY, spliced)).isFalse();
    }

    @Test
    void garbage_hasNoClaims_andNeverVerifies() {
        assertThat(EmbedTokenFormat.claimsOf("ret_not-base64!")).isEmpty();
        assertThat(EmbedTokenFormat.claimsOf("ret_" + java.util.Base64.getUrlEncoder().encodeToString("a.b.c".getBytes()) + ".x"))
                .isEmpty();
        assertThat(EmbedTokenFormat.verifies(KEY, "ret_abc.%%%")).isFalse();
    }
}
