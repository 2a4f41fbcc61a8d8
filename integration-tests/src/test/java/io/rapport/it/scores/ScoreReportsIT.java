package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aBranch;
import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.DigestNextStep;
import io.rapport.sdk.model.OfficerDigest;
import io.rapport.sdk.model.OfficerOversight;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OversightSummary;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoreHistory;
import io.rapport.sdk.model.ScoreHistoryDay;
import io.rapport.sdk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoreReportsIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    @Test
    void history_isTheScoreAtTheEndOfEachDay_recomputedFromTheEvents() {
        CLOCK.set(NOW);
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        List<Sent> events = List.of(new Sent("referral_sent", Instant.parse("2026-02-27T12:00:00Z")),
                new Sent("app_opened", Instant.parse("2026-03-01T23:59:59Z")),
                new Sent("app_opened", Instant.parse("2026-03-02T08:00:00Z")));
        ScoresIT.send(client, officer, partner, events.toArray(Sent[]::new));

        ScoreHistory history = client.scores().history(ScoresIT.relationshipId(client, officer, partner), 5);

        assertThat(history.getDays()).extracting(ScoreHistoryDay::getDate).containsExactly(
                LocalDate.parse("2026-02-26"), LocalDate.parse("2026-02-27"), LocalDate.parse("2026-02-28"),
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
        assertThat(history.getDays().get(0).getScore()).isZero();
        assertThat(history.getDays().get(0).getTier()).isEqualTo(Tier.COLD);
        assertThat(history.getDays().get(1).getScore()).isEqualTo(expectedAt(events.subList(0, 1), "2026-02-28T00:00:00Z"));
        assertThat(history.getDays().get(2).getScore()).isEqualTo(expectedAt(events.subList(0, 1), "2026-03-01T00:00:00Z"));
        assertThat(history.getDays().get(3).getScore()).isEqualTo(expectedAt(events.subList(0, 2), "2026-03-02T00:00:00Z"));
        assertThat(history.getDays().get(4).getScore()).isEqualTo(expectedAt(events, NOW.toString()));
        assertThat(history.getDays().get(4).getScore())
                .isEqualTo(client.scores().forRelationship(history.getRelationshipId()).getScore());
        assertThat(history.getDays().get(1).getTier()).isEqualTo(Tier.ENGAGED);
    }

    @Test
    void digest_coversTheDayBefore_ordersNextStepsByTimeSensitivity_andNeverSuggestsGivingSpace() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner engaged = aPartner().name("Engaged").create(client);
        Partner cold = aPartner().name("Cold").create(client);
        Partner advocate = aPartner().name("Advocate").create(client);
        Partner ready = aPartner().name("Ready").create(client);
        Partner touched = aPartner().name("Touched").create(client);
        CLOCK.set(Instant.parse("2026-02-27T10:00:00Z"));
        for (Partner reaching : List.of(ready, touched)) {
            ScoresIT.send(client, officer, reaching, new Sent("contact_tapped", CLOCK.instant()),
                    new Sent("card_shared", CLOCK.instant()), new Sent("calculator_used", CLOCK.instant()));
        }
        CLOCK.set(Instant.parse("2026-02-28T10:00:00Z"));
        ScoresIT.send(client, officer, cold, new Sent("app_opened", CLOCK.instant()));
        ScoresIT.send(client, officer, touched, new Sent("note_sent", CLOCK.instant()));
        CLOCK.set(Instant.parse("2026-03-01T18:00:00Z"));
        Instant referralAt = Instant.parse("2026-03-01T17:00:00Z");
        ScoresIT.send(client, officer, engaged, new Sent("app_opened", referralAt), new Sent("app_opened", referralAt),
                new Sent("referral_sent", referralAt));
        ScoresIT.send(client, officer, advocate, new Sent("referral_sent", Instant.parse("2026-01-10T10:00:00Z")),
                new Sent("referral_sent", Instant.parse("2026-01-20T10:00:00Z")));
        CLOCK.set(NOW);

        OfficerDigest digest = client.scores().digest(officer.getId(), LocalDate.parse("2026-03-02"));

        assertThat(digest.getActivity()).singleElement().satisfies(a -> {
            assertThat(a.getPartnerId()).isEqualTo(engaged.getId());
            assertThat(a.getEvents()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("app_opened", 2, "referral_sent", 1));
        });
        assertThat(digest.getReferrals()).extracting(r -> r.getPartnerId(), r -> r.getOccurredAt().toInstant())
                .containsExactly(tuple(engaged.getId(), referralAt));
        assertThat(digest.getChanges()).extracting(c -> c.getPartnerId(), c -> c.getTo())
                .containsExactlyInAnyOrder(tuple(engaged.getId(), "engaged"), tuple(advocate.getId(), "warming"),
                        tuple(advocate.getId(), "advocate"));
        // a fresh referral nobody thanked, then coffee, then the routine thank-you; the touched partner, engaged
        // as it is, is left room, and the cold one falls past the three
        assertThat(digest.getNextSteps()).extracting(DigestNextStep::getPartnerId)
                .containsExactly(engaged.getId(), ready.getId(), advocate.getId());
        assertThat(digest.getNextSteps()).extracting(s -> s.getNextStep().getCode().getValue())
                .containsExactly("thank_and_support", "invite_to_meet", "thank_and_support");
        assertThat(digest.getNextSteps().get(0).getWhyNow()).isEqualTo("Sent you a referral 16 hours ago, not thanked yet.");
        assertThat(digest.getNextSteps().get(1).getWhyNow()).startsWith("Tapped to contact you 2 days ago");
        assertThat(client.scores().forRelationship(ScoresIT.relationshipId(client, officer, touched)).getNextStep()
                .getCode().getValue()).isEqualTo("give_space");
        assertThat(client.scores().digest(officer.getId(), LocalDate.parse("2026-03-01")).getActivity())
                .extracting(a -> a.getPartnerId()).containsExactly(cold.getId());
    }

    @Test
    void summaries_countTiersStagesMovementReferralsAndOfficerHabits() {
        CLOCK.set(NOW);
        RapportClient client = SERVER.newOrg().client();
        Branch branch = aBranch(client);
        Officer diligent = anOfficer().branch(branch.getId()).create(client);
        Officer idle = anOfficer().branch(branch.getId()).create(client);
        Officer elsewhere = anOfficer().create(client);
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        ScoresIT.send(client, diligent, aPartner().create(client), new Sent("meeting_logged", dayAgo),
                new Sent("feedback_given", dayAgo), new Sent("meeting_logged", NOW.minus(Duration.ofDays(22))));
        ScoresIT.send(client, diligent, aPartner().create(client), new Sent("contact_tapped", NOW.minus(Duration.ofHours(1))),
                new Sent("card_shared", NOW.minus(Duration.ofHours(1))), new Sent("referral_sent", NOW.minus(Duration.ofHours(1))));
        ScoresIT.send(client, elsewhere, aPartner().create(client), new Sent("referral_sent", NOW.minus(Duration.ofDays(2))));

        OversightSummary summary = client.scores().branchSummary(branch.getId());

        assertThat(summary.getTiers().getEngaged()).isEqualTo(1);
        assertThat(summary.getTiers().getHot()).isEqualTo(1);
        assertThat(summary.getTiers().getCold()).isZero();
        assertThat(summary.getStages().getTrusted()).isEqualTo(1);
        assertThat(summary.getStages().getTechnoship()).isEqualTo(1);
        assertThat(summary.getTierUpsLast30Days()).isEqualTo(2);
        assertThat(summary.getTierDownsLast30Days()).isZero();
        assertThat(summary.getReferralsLast90Days()).isEqualTo(1);
        assertThat(summary.getOfficers()).extracting(OfficerOversight::getOfficerId)
                .containsExactlyInAnyOrder(diligent.getId(), idle.getId());
        OfficerOversight habits = summary.getOfficers().stream().filter(o -> o.getOfficerId().equals(diligent.getId())).findFirst().orElseThrow();
        assertThat(habits.getRelationships()).isEqualTo(2);
        assertThat(habits.getConsistency()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(habits.getFeedbackCoverage()).isCloseTo(0.5, within(1e-12));
        OfficerOversight none = summary.getOfficers().stream().filter(o -> o.getOfficerId().equals(idle.getId())).findFirst().orElseThrow();
        assertThat(none.getConsistency()).isZero();
        assertThat(none.getFeedbackCoverage()).isNull();

        OversightSummary org = client.scores().orgSummary();
        assertThat(org.getTiers().getEngaged()).isEqualTo(2);
        assertThat(org.getReferralsLast90Days()).isEqualTo(2);
        assertThat(org.getOfficers()).hasSize(3);
    }

    @Test
    void anotherOrganizationsIds_answer404() {
        CLOCK.set(NOW);
        RapportClient owner = SERVER.newOrg().client();
        Officer officer = anOfficer().create(owner);
        Partner partner = aPartner().create(owner);
        ScoresIT.send(owner, officer, partner, new Sent("app_opened", NOW));
        UUID relationshipId = ScoresIT.relationshipId(owner, officer, partner);
        UUID branchId = aBranch(owner).getId();
        RapportClient stranger = SERVER.newOrg().client();

        assertThatThrownBy(() -> stranger.scores().history(relationshipId, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.scores().digest(officer.getId(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.scores().branchSummary(branchId)).isInstanceOf(NotFoundException.class);
    }

    private static int expectedAt(List<Sent> events, String instant) {
        return Expected.score(Expected.interest(events, Instant.parse(instant)));
    }
}
