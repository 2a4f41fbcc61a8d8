package io.rapport.it.hardening;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.CapturedLog;
import io.rapport.it.support.Fixtures;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statements on the tables that hold secrets, made to fail behind the server's back (a CHECK no row passes,
 * so PostgreSQL's error names the whole failing row), with the server logging at INFO: nothing it logs — its
 * own lines, stack traces, the access log, PostgreSQL's output — carries a secret or a credential.
 */
class SecretLogIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension()
            .with("logging.level", "INFO")
            .with("webhooks.pollInterval", "1h");

    @Test
    void failingStatementsOnSecretTables_logNoSecretAndNoCredential() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        UUID subscription = org.client().webhooks().create(subscriptionInput()).getSubscription().getId();
        String issuedKey = org.client().apiKeys().create(new ApiKeyInput().name("issued")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ)))).getSecret();
        String issuedToken = org.client().appInstalls().register(new AppInstallInput()
                .officerId(officer.getId()).partnerId(partner.getId())).getToken();

        try (CapturedLog log = new CapturedLog()) {
            for (String table : List.of("webhook_subscription", "api_key", "app_install", "idempotency_key")) {
                TestDatabases.execute(SERVER.database(),
                        "ALTER TABLE " + table + " ADD CONSTRAINT it_no_row_passes CHECK (false) NOT VALID");
            }
            assertThatThrownBy(() -> org.client().webhooks().create(subscriptionInput()))
                    .isInstanceOf(RapportApiException.class);
            assertThatThrownBy(() -> org.client().webhooks().rotateSecret(subscription))
                    .isInstanceOf(RapportApiException.class);
            assertThatThrownBy(() -> org.client().apiKeys().create(new ApiKeyInput().name("fails")
                    .scopes(new LinkedHashSet<>(List.of(Scope.ADMIN))))).isInstanceOf(RapportApiException.class);
            assertThatThrownBy(() -> org.client().appInstalls().register(new AppInstallInput()
                    .officerId(officer.getId()).partnerId(partner.getId()))).isInstanceOf(RapportApiException.class);
            assertThatThrownBy(() -> Fixtures.aPartner().create(org.client())).isInstanceOf(RapportApiException.class);
            RawHttp admin = new RawHttp(SERVER.baseUrl(), RapportServerExtension.ADMIN_KEY);
            assertThat(admin.postJson("/v1/organizations/" + org.orgId() + "/api-keys",
                    "{\"name\":\"x\",\"scopes\":[\"admin\"]}").statusCode()).isEqualTo(500);
            assertThat(new RawHttp(SERVER.baseUrl(), "rk_not_a_key_at_all_0123456789").get("/v1/partners").statusCode())
                    .isEqualTo(401);
            assertThat(new RawHttp(SERVER.baseUrl(), issuedToken).get("/v1/partners").statusCode()).isEqualTo(403);

            String captured = log.text();
            assertThat(captured).as("the failures were logged at all").contains("Unexpected failure");
            assertThat(captured).doesNotContain("whsec_", "rk_", "rit_", RapportServerExtension.ADMIN_KEY,
                    issuedKey, issuedToken, "Authorization", "Bearer");
        } finally {
            for (String table : List.of("webhook_subscription", "api_key", "app_install", "idempotency_key")) {
                TestDatabases.execute(SERVER.database(), "ALTER TABLE " + table + " DROP CONSTRAINT it_no_row_passes");
            }
        }
    }

    private static WebhookSubscriptionInput subscriptionInput() {
        return new WebhookSubscriptionInput().url("https://receiver.example.com/hooks")
                .eventTypes(List.of("score.tier_changed"));
    }
}
