package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoreChangeKind;
import io.rapport.sdk.model.ScoreChangePage;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scores fall with time alone; the sweep (driven here through its admin task) records the drops. */
class ScoreSweepIT {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    @Test
    void sweep_recordsDecayDrivenTierDropsAndStageExpiry_onlyOnceDue() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        Instant t = CLOCK.instant();
        ScoresIT.send(client, officer, partner, new Sent("referral_sent", t), new Sent("referral_sent", t));
        UUID relationshipId = ScoresIT.relationshipId(client, officer, partner);
        ScoreChangePage byEvents = client.scores().changes(null, 50);
        assertThat(byEvents.getItems()).extracting(ScoreChange::getTo).containsExactlyInAnyOrder("hot", "advocate");

        // I = 50 at t: hot until the rounded score falls below 75 − 3
        Instant hotUntil = Expected.crossing(50, t, 72);
        CLOCK.set(hotUntil.minus(MINUTE));
        // the row's 7-day change has moved meanwhile (it is settled for that), its tier has not
        sweep();
        assertThat(client.scores().changes(byEvents.getNextCursor(), 50).getItems()).isEmpty();
        assertThat(client.scores().forRelationship(relationshipId).getTier()).isEqualTo(Tier.HOT);

        CLOCK.set(hotUntil.plus(MINUTE));
        assertThat(sweep()).isEqualTo(1);
        ScoreChangePage drop = client.scores().changes(byEvents.getNextCursor(), 50);
        assertThat(drop.getItems()).extracting(ScoreChange::getKind, ScoreChange::getFrom, ScoreChange::getTo,
                        ScoreChange::getScore, ScoreChange::getCause)
                .containsExactly(tuple(ScoreChangeKind.TIER, "hot", "engaged", 71, ScoreChangeCause.TIME));
        assertThat(drop.getItems().get(0).getChangedAt().toInstant()).isEqualTo(hotUntil.plus(MINUTE));
        assertThat(client.scores().forRelationship(relationshipId).getTier()).isEqualTo(Tier.ENGAGED);
        assertThat(sweep()).isEqualTo(0);

        CLOCK.set(Expected.crossing(50, t, 47).plus(MINUTE));
        assertThat(sweep()).isEqualTo(1);
        ScoreChangePage second = client.scores().changes(drop.getNextCursor(), 50);
        assertThat(second.getItems()).extracting(ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactly(tuple("engaged", "warming", ScoreChangeCause.TIME));

        // a year on the tier is long cold and the two referrals leave their 365-day window
        CLOCK.set(t.plus(Duration.ofDays(365)).plus(MINUTE));
        assertThat(sweep()).isEqualTo(1);
        assertThat(client.scores().changes(second.getNextCursor(), 50).getItems())
                .extracting(ScoreChange::getKind, ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactlyInAnyOrder(
                        tuple(ScoreChangeKind.TIER, "warming", "cold", ScoreChangeCause.TIME),
                        tuple(ScoreChangeKind.STAGE, "advocate", "technoship", ScoreChangeCause.TIME));
        assertThat(client.scores().forRelationship(relationshipId).getStage()).isEqualTo(Stage.TECHNOSHIP);
        CLOCK.advance(Duration.ofDays(400));
        assertThat(sweep()).isEqualTo(0);
    }

    private static int sweep() throws IOException, InterruptedException {
        return sweep(SERVER);
    }

    /** Runs one sweep through the admin task; returns how many rows it settled. */
    static int sweep(RapportServerExtension server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.adminPort() + "/tasks/score-sweep"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> words = List.of(response.body().trim().split(" "));
        assertThat(words.get(0)).isEqualTo("swept");
        return Integer.parseInt(words.get(1));
    }
}
