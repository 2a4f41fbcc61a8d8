package io.rapport.it.privacy;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.AuditQuery;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.AuditEntry;
import io.rapport.sdk.model.AuditEntryPage;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.OrganizationStatus;
import io.rapport.sdk.model.OrganizationUpdate;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import io.rapport.sdk.model.WebhookSubscriptionCreated;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditLogIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    /** One organization on which every audited action was done once (and some twice, where a repeat changes nothing). */
    private record Scenario(UUID orgId, RapportClient client, UUID adminKeyId, List<String> secrets) {
    }

    private static Scenario everyActionOnce() {
        List<String> secrets = new ArrayList<>();
        RapportClient admin = SERVER.admin();
        Organization org = admin.organizations().create(new OrganizationInput().name("Audited " + UUID.randomUUID()));
        ApiKeyCreated adminKey = admin.apiKeys().createFor(org.getId(),
                new ApiKeyInput().name("root").scopes(new LinkedHashSet<>(List.of(Scope.ADMIN))));
        secrets.add(adminKey.getSecret());
        admin.organizations().update(org.getId(), new OrganizationUpdate().name("Audited, renamed").status(OrganizationStatus.ACTIVE));
        RapportClient client = SERVER.client(adminKey.getSecret());

        ApiKeyCreated crm = client.apiKeys().create(new ApiKeyInput().name("crm")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ))));
        secrets.add(crm.getSecret());
        secrets.add(client.apiKeys().rotate(crm.getApiKey().getId(), null).getSecret());
        client.apiKeys().revoke(crm.getApiKey().getId());
        client.apiKeys().revoke(crm.getApiKey().getId());

        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        AppInstallCreated install = client.appInstalls().register(new AppInstallInput()
                .officerId(officer.getId()).partnerId(partner.getId()));
        secrets.add(install.getToken());
        secrets.add(client.appInstalls().rotate(install.getAppInstall().getId(), null).getToken());
        client.appInstalls().revoke(install.getAppInstall().getId());
        client.appInstalls().revoke(install.getAppInstall().getId());

        ScoringModel model = client.scores().model();
        client.scores().updateModel(model.getVersion(), new ScoringModelInput().weights(model.getWeights())
                .halfLifeDays(model.getHalfLifeDays()).shortHalfLifeDays(model.getShortHalfLifeDays()).k(model.getK() + 1)
                .warmingAt(model.getWarmingAt()).engagedAt(model.getEngagedAt()).hotAt(model.getHotAt())
                .hysteresis(model.getHysteresis()));

        WebhookSubscriptionCreated hook = client.webhooks().create(new WebhookSubscriptionInput()
                .url("http://127.0.0.1:9/hooks").eventTypes(List.of("score.tier_changed")));
        secrets.add(hook.getSecret());
        client.webhooks().update(hook.getSubscription().getId(), new WebhookSubscriptionInput()
                .url("http://127.0.0.1:9/hooks/v2").eventTypes(List.of("referral.received")));
        secrets.add(client.webhooks().rotateSecret(hook.getSubscription().getId()));
        client.webhooks().delete(hook.getSubscription().getId());

        client.privacy().export(partner.getId());
        client.privacy().erase(partner.getId());
        client.privacy().erase(partner.getId());
        return new Scenario(org.getId(), client, adminKey.getApiKey().getId(), secrets);
    }

    @Test
    void everyAuditedAction_isRecordedExactlyOnce_withTheActingKeyAndRequestId_andNoSecret() {
        Scenario s = everyActionOnce();

        List<AuditEntry> entries = s.client().audit().all(AuditQuery.builder().build()).toList();

        Map<String, Long> perAction = entries.stream().collect(Collectors.groupingBy(AuditEntry::getAction, Collectors.counting()));
        assertThat(perAction).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("organization.created", 1L), Map.entry("organization.updated", 1L),
                Map.entry("api_key.created", 2L), Map.entry("api_key.rotated", 1L), Map.entry("api_key.revoked", 1L),
                Map.entry("app_install.created", 1L), Map.entry("app_install.rotated", 1L),
                Map.entry("app_install.revoked", 1L), Map.entry("scoring_model.changed", 1L),
                Map.entry("webhook_subscription.created", 1L), Map.entry("webhook_subscription.updated", 1L),
                Map.entry("webhook_secret.rotated", 1L), Map.entry("webhook_subscription.deleted", 1L),
                Map.entry("partner.exported", 1L), Map.entry("partner.erased", 1L)));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getRequestId()).isNotBlank();
            assertThat(e.getOccurredAt()).isNotNull();
        });
        Map<String, AuditEntry> byAction = entries.stream()
                .collect(Collectors.toMap(AuditEntry::getAction, Function.identity(), (a, b) -> a));
        assertThat(byAction.get("organization.created").getActorType()).isEqualTo("platform_admin");
        assertThat(byAction.get("organization.created").getActorKeyId()).isNull();
        assertThat(byAction.get("partner.erased").getActorType()).isEqualTo("api_key");
        assertThat(byAction.get("partner.erased").getActorKeyId()).isEqualTo(s.adminKeyId());
        assertThat(byAction.get("scoring_model.changed").getActorKeyId()).isEqualTo(s.adminKeyId());
        String everything = entries.toString();
        assertThat(s.secrets()).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void list_isNewestFirst_cursorPaginated_andFiltersByActionAndTime() {
        Scenario s = everyActionOnce();
        Instant before = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(5));
        s.client().apiKeys().create(new ApiKeyInput().name("late").scopes(new LinkedHashSet<>(List.of(Scope.SCORES_READ))));

        List<UUID> paged = new ArrayList<>();
        String cursor = null;
        do {
            AuditEntryPage page = s.client().audit().list(AuditQuery.builder().limit(4).cursor(cursor).build());
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(4);
            page.getItems().forEach(e -> paged.add(e.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        List<AuditEntry> all = s.client().audit().all(AuditQuery.builder().build()).toList();
        assertThat(paged).hasSize(all.size()).doesNotHaveDuplicates();
        String afterFirstPage = s.client().audit().list(AuditQuery.builder().limit(4).build()).getNextCursor();
        assertThat(s.client().audit().all(AuditQuery.builder().cursor(afterFirstPage).build()).map(AuditEntry::getId).toList())
                .as("all(query) walks on from the query's cursor").isEqualTo(paged.subList(4, paged.size()));
        assertThat(all.get(0).getAction()).isEqualTo("api_key.created");
        assertThat(all).extracting(AuditEntry::getOccurredAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        assertThat(s.client().audit().all(AuditQuery.builder().action("api_key.created").build()).toList()).hasSize(3)
                .allSatisfy(e -> assertThat(e.getAction()).isEqualTo("api_key.created"));
        assertThat(s.client().audit().all(AuditQuery.builder().from(at(before.plusSeconds(1))).build()).toList())
                .singleElement().satisfies(e -> assertThat(e.getAction()).isEqualTo("api_key.created"));
        assertThat(s.client().audit().all(AuditQuery.builder().action("api_key.created").to(at(before.plusSeconds(1))).build()).toList()).hasSize(2);
        assertThatThrownBy(() -> s.client().audit().list(AuditQuery.builder().limit(10).action("coffee.spilled").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("action")).isPresent());
    }

    @Test
    void auditLog_isTheOrganizationsOwn_andNeedsAdmin() {
        Scenario s = everyActionOnce();
        RapportClient other = SERVER.newOrg().client();
        Set<UUID> mine = new HashSet<>(s.client().audit().all(AuditQuery.builder().build()).map(AuditEntry::getId).toList());

        assertThat(other.audit().all(AuditQuery.builder().build()).map(AuditEntry::getId).toList()).doesNotContainAnyElementsOf(mine);
        RapportClient reader = SERVER.newOrg(Scope.PARTNERS_READ, Scope.SCORES_READ).client();
        assertThatThrownBy(() -> reader.audit().list(AuditQuery.builder().limit(10).build())).isInstanceOf(PermissionException.class);
    }

    @Test
    void entriesOlderThanTheRetention_arePurged() throws Exception {
        Scenario s = everyActionOnce();
        int before = s.client().audit().all(AuditQuery.builder().build()).toList().size();
        CLOCK.advance(Duration.ofDays(364));
        s.client().apiKeys().create(new ApiKeyInput().name("recent").scopes(new LinkedHashSet<>(List.of(Scope.SCORES_READ))));
        assertThat(runTask("audit-purge")).startsWith("purged");
        assertThat(s.client().audit().all(AuditQuery.builder().build()).toList()).hasSize(before + 1);

        CLOCK.advance(Duration.ofDays(2));
        runTask("audit-purge");

        assertThat(s.client().audit().all(AuditQuery.builder().build()).toList())
                .singleElement().satisfies(e -> assertThat(e.getDetails()).containsEntry("name", "recent"));
    }

    private static String runTask(String task) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + SERVER.adminPort() + "/tasks/" + task))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
