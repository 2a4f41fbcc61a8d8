package io.rapport.it.privacy;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.AuthenticationException;
import io.rapport.sdk.ConflictException;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKey;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyRotationIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    @Test
    void rotatedApiKey_worksBesideTheNewOneUntilItsExpiry_thenAnswersApiKeyExpired() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated old = org.client().apiKeys().create(new ApiKeyInput().name("crm")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ, Scope.PARTNERS_WRITE))));
        RapportClient oldClient = SERVER.client(old.getSecret());

        ApiKeyCreated rotated = org.client().apiKeys().rotate(old.getApiKey().getId(), null);
        RapportClient newClient = SERVER.client(rotated.getSecret());

        assertThat(rotated.getApiKey().getId()).isNotEqualTo(old.getApiKey().getId());
        assertThat(rotated.getApiKey().getName()).isEqualTo("crm");
        assertThat(rotated.getApiKey().getScopes()).containsExactlyInAnyOrder(Scope.PARTNERS_READ, Scope.PARTNERS_WRITE);
        assertThat(oldClient.partners().list(10, null, null, null).getItems()).isEmpty();
        assertThat(newClient.partners().list(10, null, null, null).getItems()).isEmpty();
        ApiKey listedOld = org.client().apiKeys().list(500, null).getItems().stream()
                .filter(k -> k.getId().equals(old.getApiKey().getId())).findFirst().orElseThrow();
        assertThat(listedOld.getExpiresAt().toInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(24)));

        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(oldClient.partners().list(10, null, null, null).getItems()).isEmpty();

        CLOCK.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> oldClient.partners().list(10, null, null, null))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("api_key_expired"));
        assertThat(newClient.partners().list(10, null, null, null).getItems()).isEmpty();
    }

    @Test
    void rotation_takesTheRequestedExpiry_andKeepsAnEarlierOne() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated old = org.client().apiKeys().create(new ApiKeyInput().name("short")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ))).expiresAt(at(CLOCK.instant().plusSeconds(600))));

        org.client().apiKeys().rotate(old.getApiKey().getId(), at(CLOCK.instant().plus(Duration.ofDays(2))));

        ApiKey listed = org.client().apiKeys().list(500, null).getItems().stream()
                .filter(k -> k.getId().equals(old.getApiKey().getId())).findFirst().orElseThrow();
        assertThat(listed.getExpiresAt().toInstant()).isEqualTo(CLOCK.instant().plusSeconds(600));
        CLOCK.advance(Duration.ofSeconds(600));
        assertThatThrownBy(() -> SERVER.client(old.getSecret()).partners().list(10, null, null, null))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("api_key_expired"));
    }

    @Test
    void rotation_refusesRevokedKeysAndExpiriesOutsideTheWindow() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated key = org.client().apiKeys().create(new ApiKeyInput().name("k")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ))));

        assertThatThrownBy(() -> org.client().apiKeys().rotate(key.getApiKey().getId(), at(CLOCK.instant().minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldError("oldKeyExpiresAt")).isPresent());
        assertThatThrownBy(() -> org.client().apiKeys().rotate(key.getApiKey().getId(), at(CLOCK.instant().plus(Duration.ofDays(31)))))
                .isInstanceOf(InvalidRequestException.class);
        org.client().apiKeys().revoke(key.getApiKey().getId());
        assertThatThrownBy(() -> org.client().apiKeys().rotate(key.getApiKey().getId(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("api_key_revoked"));
    }

    @Test
    void rotatedInstallToken_worksUntilItsExpiry_thenAnswersInstallTokenExpired() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        AppInstallCreated old = org.client().appInstalls().register(new AppInstallInput()
                .officerId(officer.getId()).partnerId(partner.getId()).platform("ios"));
        RapportClient oldApp = SERVER.client(old.getToken());

        AppInstallCreated rotated = org.client().appInstalls().rotate(old.getAppInstall().getId(),
                at(CLOCK.instant().plus(Duration.ofHours(1))));
        RapportClient newApp = SERVER.client(rotated.getToken());

        assertThat(rotated.getAppInstall().getRelationshipId()).isEqualTo(old.getAppInstall().getRelationshipId());
        assertThat(rotated.getAppInstall().getPlatform()).isEqualTo("ios");
        assertThat(org.client().appInstalls().get(old.getAppInstall().getId()).getExpiresAt().toInstant())
                .isEqualTo(CLOCK.instant().plus(Duration.ofHours(1)));
        assertThat(oldApp.app().feed().feed().getOfficer()).isNotNull();
        assertThat(newApp.app().feed().feed().getOfficer()).isNotNull();

        CLOCK.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> oldApp.app().feed())
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("install_token_expired"));
        assertThat(newApp.app().feed().feed().getOfficer()).isNotNull();
        org.client().appInstalls().revoke(old.getAppInstall().getId());
        assertThatThrownBy(() -> org.client().appInstalls().rotate(old.getAppInstall().getId(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("install_not_active"));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
