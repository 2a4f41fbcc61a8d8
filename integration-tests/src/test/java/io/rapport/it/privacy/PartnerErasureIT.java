package io.rapport.it.privacy;

import static io.rapport.it.support.Fixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.AuditQuery;
import io.rapport.sdk.EventTypes;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ContentStats;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.OfficerOversight;
import io.rapport.sdk.model.OversightSummary;
import io.rapport.sdk.model.PartnerErasure;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.TierCounts;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnerErasureIT {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("webhooks.pollInterval", "1h").with("scoring.sweepInterval", "1h");

    /**
     * Where the erased partner's ids may stay: the tombstone that makes late events fail, and the audit log's
     * record of who did what (ids only; the test below checks no personal value is there).
     */
    private static final Set<String> ID_KEEPERS = Set.of("partner_tombstone.partner_id", "audit_entry.target_id",
            "audit_entry.details");

    @Test
    void erase_leavesNoTraceOfThePartnerInAnyTable_readFromTheSchema_andLeavesTheControlPartnerAlone() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        List<String> ids = h.ids();
        Set<String> controlBefore = SchemaScan.columnsHolding(SERVER.database(), List.of(h.control().getId().toString()));
        Set<String> before = SchemaScan.columnsHolding(SERVER.database(), ids);
        assertThat(before).as("the scan finds the partner where it is kept").contains("partner.partner_id",
                "partner_logo.partner_id", "relationship.partner_id", "usage_event.partner_id", "app_install.install_id",
                "relationship_score.partner_id", "score_change.partner_id", "webhook_delivery.payload",
                "idempotency_key.response_body");
        assertThat(SchemaScan.columnsHolding(SERVER.database(), h.personalValues())).contains("partner.name",
                "partner.email", "partner.external_id", "usage_event.properties");

        PartnerErasure erasure = client.privacy().erase(h.partner().getId());

        assertThat(erasure.getAlreadyErased()).isFalse();
        assertThat(erasure.getRemoved()).containsEntry("partners", 1L).containsEntry("relationships", 2L)
                .containsEntry("logos", 1L).containsEntry("appInstalls", 1L);
        assertThat(SchemaScan.columnsHolding(SERVER.database(), h.personalValues())).isEmpty();
        assertThat(SchemaScan.columnsHolding(SERVER.database(), ids)).isSubsetOf(ID_KEEPERS);
        assertThat(SchemaScan.columnsHolding(SERVER.database(), List.of(h.control().getId().toString())))
                .isEqualTo(controlBefore);
        assertThat(client.partners().get(h.control().getId()).getName()).isEqualTo(h.control().getName());
        assertThat(client.content().downloadPartnerLogo(h.control().getId()).bytes()).isNotEmpty();
    }

    @Test
    void schemaScan_coversEveryTable_soANewTableHoldingAPartnerIdIsFound() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        String id = h.partner().getId().toString();
        io.rapport.it.support.TestDatabases.execute(SERVER.database(),
                "CREATE TABLE partner_notes_added_later (org_id uuid, note text)");
        try {
            io.rapport.it.support.TestDatabases.execute(SERVER.database(),
                    "INSERT INTO partner_notes_added_later VALUES (gen_random_uuid(), 'about " + id + "')");
            client.privacy().erase(h.partner().getId());

            assertThat(SchemaScan.tables(SERVER.database())).contains("partner_notes_added_later");
            assertThat(SchemaScan.columnsHolding(SERVER.database(), List.of(id)))
                    .as("an erasure that forgets a table fails the check above").contains("partner_notes_added_later.note");
        } finally {
            io.rapport.it.support.TestDatabases.execute(SERVER.database(), "DROP TABLE partner_notes_added_later");
        }
    }

    @Test
    void erase_keepsActivityStatisticsUnchanged_andTakesThePartnerOutOfCurrentCounts() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        OversightSummary orgBefore = client.scores().orgSummary();
        OversightSummary branchBefore = client.scores().branchSummary(h.branch().getId());
        ContentStats itemBefore = client.content().stats(h.item().getId(), at(NOW.minus(Duration.ofDays(30))), at(NOW));
        var officerBefore = client.content().officerStats(h.officer().getId(), at(NOW.minus(Duration.ofDays(30))), at(NOW));
        assertThat(orgBefore.getReferralsLast90Days()).isEqualTo(8);
        assertThat(itemBefore.getUniquePartners()).isEqualTo(2);

        client.privacy().erase(h.partner().getId());

        for (OversightSummary[] pair : List.of(new OversightSummary[] {orgBefore, client.scores().orgSummary()},
                new OversightSummary[] {branchBefore, client.scores().branchSummary(h.branch().getId())})) {
            OversightSummary was = pair[0];
            OversightSummary now = pair[1];
            assertThat(now.getReferralsLast90Days()).isEqualTo(was.getReferralsLast90Days());
            assertThat(now.getTierUpsLast30Days()).isEqualTo(was.getTierUpsLast30Days());
            assertThat(now.getTierDownsLast30Days()).isEqualTo(was.getTierDownsLast30Days());
            assertThat(now.getOfficers()).extracting(OfficerOversight::getOfficerId, OfficerOversight::getConsistency)
                    .containsExactlyElementsOf(was.getOfficers().stream()
                            .map(o -> org.assertj.core.groups.Tuple.tuple(o.getOfficerId(), o.getConsistency())).toList());
            assertThat(total(now.getTiers())).isEqualTo(total(was.getTiers()) - 2);
        }
        ContentStats itemAfter = client.content().stats(h.item().getId(), at(NOW.minus(Duration.ofDays(30))), at(NOW));
        assertThat(itemAfter).usingRecursiveComparison().isEqualTo(itemBefore);
        assertThat(client.content().officerStats(h.officer().getId(), at(NOW.minus(Duration.ofDays(30))), at(NOW)))
                .usingRecursiveComparison().isEqualTo(officerBefore);
    }

    @Test
    void erase_takesTheScoresOutOfRankedListsAndFeedsAtOnce() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        UUID erased = h.partner().getId();
        assertThat(ranked(client, h.officer().getId())).contains(erased);
        assertThat(feed(client)).contains(erased);

        client.privacy().erase(erased);

        assertThat(ranked(client, h.officer().getId())).doesNotContain(erased).contains(h.control().getId());
        assertThat(ranked(client, h.otherOfficer().getId())).doesNotContain(erased);
        assertThat(feed(client)).doesNotContain(erased).contains(h.control().getId());
        assertThat(client.scores().forPartner(h.control().getId())).hasSize(2);
        assertThatThrownBy(() -> client.scores().forRelationship(h.install().getAppInstall().getRelationshipId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.partners().get(erased)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.privacy().export(erased)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> SERVER.client(h.install().getToken()).app().feed())
                .isInstanceOf(io.rapport.sdk.AuthenticationException.class);
    }

    @Test
    void lateEvents_byIdOrExternalId_areRejectedPartnerErased_oneByOne() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        client.privacy().erase(h.partner().getId());
        Instant at = NOW.minusSeconds(30);

        EventBatchResult result = client.events().send(List.of(
                anEvent(at).officerId(h.officer().getId()).partnerId(h.partner().getId()).input(),
                anEvent(at).officerId(h.officer().getId()).partnerId(h.control().getId()).input(),
                anEvent(at).officerId(h.officer().getId()).partnerExternalId(h.partner().getExternalId()).input(),
                anEvent(at).officerId(h.officer().getId()).partnerId(UUID.randomUUID()).input()));

        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex, EventRejection::getCode, EventRejection::getField)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "partner_erased", "partnerId"),
                        org.assertj.core.groups.Tuple.tuple(2, "partner_erased", "partnerExternalId"),
                        org.assertj.core.groups.Tuple.tuple(3, "partner_not_found", "partnerId"));
        assertThat(client.relationships().all(null, h.partner().getId()).toList()).isEmpty();
    }

    @Test
    void erase_isIdempotent_andUnknownPartnersAnswer404() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        PartnerErasure first = client.privacy().erase(h.partner().getId());
        CLOCK.advance(Duration.ofMinutes(1));

        PartnerErasure again = client.privacy().erase(h.partner().getId());

        assertThat(again.getAlreadyErased()).isTrue();
        assertThat(again.getErasedAt()).isEqualTo(first.getErasedAt());
        assertThat(again.getRemoved()).isNullOrEmpty();
        assertThatThrownBy(() -> client.privacy().erase(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> SERVER.newOrg().client().privacy().erase(h.control().getId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.audit().all(AuditQuery.builder().action("partner.erased").build()).toList()).hasSize(1);
    }

    @Test
    void erase_concurrentWithIngest_leavesNothingBehind_andNoBatchFails() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);
        List<String> ids = h.ids();
        int senders = 4;
        int batches = 30;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<UUID> controlEvents = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<UUID> controlAccepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<String> erasedCodes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(senders);
        for (int s = 0; s < senders; s++) {
            Thread thread = new Thread(() -> {
                started.countDown();
                for (int b = 0; b < batches; b++) {
                    List<UsageEventInput> batch = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        Instant at = NOW.minusSeconds(600 + i);
                        batch.add(anEvent(at).type(EventTypes.CALCULATOR_USED).officerId(h.officer().getId())
                                .partnerId(h.partner().getId()).input());
                        batch.add(anEvent(at).type(EventTypes.APP_OPENED).officerId(h.otherOfficer().getId())
                                .partnerId(h.partner().getId()).input());
                        UsageEventInput control = anEvent(at).type(EventTypes.CALCULATOR_USED)
                                .officerId(h.officer().getId()).partnerId(h.control().getId()).input();
                        controlEvents.add(control.getEventId());
                        batch.add(control);
                    }
                    try {
                        EventBatchResult result = client.events().send(batch);
                        controlAccepted.addAll(result.getAcceptedEventIds());
                        result.getRejected().forEach(r -> erasedCodes.add(r.getCode()));
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        started.await();
        PartnerErasure erasure = client.privacy().erase(h.partner().getId());
        PartnerErasure repeat = client.privacy().erase(h.partner().getId());
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(erasure.getAlreadyErased()).isFalse();
        assertThat(repeat.getAlreadyErased()).isTrue();
        assertThat(erasedCodes).isSubsetOf(Set.of("partner_erased"));
        assertThat(controlAccepted).containsAll(controlEvents);
        assertThat(client.events().allForPartner(h.control().getId(), EventTypes.CALCULATOR_USED, null, null).count())
                .isEqualTo(controlEvents.size());
        assertThat(SchemaScan.columnsHolding(SERVER.database(), ids)).isSubsetOf(ID_KEEPERS);
        assertThat(SchemaScan.columnsHolding(SERVER.database(), h.personalValues())).isEmpty();
    }

    private static Set<UUID> ranked(RapportClient client, UUID officerId) {
        return new HashSet<>(client.scores().allRankedPartners(officerId, null, null, null, null)
                .map(ScoredPartner::getPartnerId).toList());
    }

    private static Set<UUID> feed(RapportClient client) {
        Set<UUID> partners = new HashSet<>();
        String cursor = null;
        while (true) {
            var page = client.scores().changes(cursor, 500);
            page.getItems().stream().map(ScoreChange::getPartnerId).forEach(partners::add);
            if (page.getItems().isEmpty()) {
                return partners;
            }
            cursor = page.getNextCursor();
        }
    }

    private static int total(TierCounts tiers) {
        return tiers.getCold() + tiers.getWarming() + tiers.getEngaged() + tiers.getHot();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
