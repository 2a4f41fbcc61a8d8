package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.AuthenticationException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKey;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.OrganizationStatus;
import io.rapport.sdk.model.OrganizationUpdate;
import io.rapport.sdk.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How an API key's use is recorded and when it stops working, with the server's clock under the test's control. */
class ApiKeyUseIT {
    private static final Instant START = Instant.parse("2026-05-04T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    @Test
    void lastUsedAt_isRecordedAtMostOnceAMinute() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated created = org.client().apiKeys().create(
                new ApiKeyInput().name("reader").scopes(Set.of(Scope.PARTNERS_READ)));
        RapportClient reader = SERVER.client(created.getSecret());
        Instant first = CLOCK.instant();

        reader.partners().list(1, null, null, null);
        assertThat(lastUsedAt(org, created.getApiKey().getId())).isEqualTo(first);

        CLOCK.advance(Duration.ofSeconds(59));
        reader.partners().list(1, null, null, null);
        assertThat(lastUsedAt(org, created.getApiKey().getId())).isEqualTo(first);

        CLOCK.advance(Duration.ofSeconds(2));
        reader.partners().list(1, null, null, null);
        assertThat(lastUsedAt(org, created.getApiKey().getId())).isEqualTo(first.plusSeconds(61));
    }

    @Test
    void aKeyOfADeactivatedOrganization_isRefused_andItsUseIsNotRecorded() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated created = org.client().apiKeys().create(
                new ApiKeyInput().name("reader").scopes(Set.of(Scope.PARTNERS_READ)));
        RapportClient reader = SERVER.client(created.getSecret());
        SERVER.admin().organizations().update(org.orgId(), new OrganizationUpdate().name("Gone").status(OrganizationStatus.DEACTIVATED));

        assertThatThrownBy(() -> reader.partners().list(1, null, null, null)).isInstanceOf(PermissionException.class)
                .hasMessageContaining("organization_deactivated");

        SERVER.admin().organizations().update(org.orgId(), new OrganizationUpdate().name("Back").status(OrganizationStatus.ACTIVE));
        assertThat(lastUsedAt(org, created.getApiKey().getId())).isNull();
    }

    @Test
    void aWrongSecretForAKnownOrganization_isUnauthorized() {
        TestOrg org = SERVER.newOrg();
        String key = org.apiKey();
        String wrong = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> SERVER.client(wrong).partners().list(1, null, null, null))
                .isInstanceOf(AuthenticationException.class);
    }

    private static Instant lastUsedAt(TestOrg org, UUID keyId) {
        ApiKey key = org.client().apiKeys().list(50, null).getItems().stream()
                .filter(k -> k.getId().equals(keyId)).findFirst().orElseThrow();
        return key.getLastUsedAt() == null ? null : key.getLastUsedAt().toInstant();
    }
}
