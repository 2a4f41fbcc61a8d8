package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.Fixtures.OfficerBuilder;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OrganizationStatus;
import io.rapport.sdk.model.OrganizationUpdate;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DESIGN §3: a deactivated officer or organization gets nothing new, time- and rescore-driven changes included. */
class DeactivatedSweepIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    @Test
    void sweep_recordsNoTimeDrivenChange_forADeactivatedOfficer() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        OfficerBuilder leaving = anOfficer();
        Officer quiet = leaving.create(client);
        Officer active = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        Instant t = CLOCK.instant();
        twoReferrals(client, quiet, partner, t);
        twoReferrals(client, active, partner, t);
        String cursor = client.scores().changes(null, 50).getNextCursor();
        client.officers().update(quiet.getId(), leaving.active(false).input());

        CLOCK.set(Expected.crossing(50, t, 72).plus(MINUTE));
        sweep();

        assertThat(client.scores().changes(cursor, 50).getItems())
                .extracting(ScoreChange::getOfficerId, ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactly(tuple(active.getId(), "hot", "engaged", ScoreChangeCause.TIME));
        // settled all the same: the row is not due again at every pass
        assertThat(sweep()).isZero();
    }

    @Test
    void sweep_recordsNoTimeDrivenChange_forADeactivatedOrganization() throws Exception {
        TestOrg paused = SERVER.newOrg();
        TestOrg running = SERVER.newOrg();
        Instant t = CLOCK.instant();
        twoReferrals(paused.client(), anOfficer().create(paused.client()), aPartner().create(paused.client()), t);
        twoReferrals(running.client(), anOfficer().create(running.client()), aPartner().create(running.client()), t);
        String pausedCursor = paused.client().scores().changes(null, 50).getNextCursor();
        String runningCursor = running.client().scores().changes(null, 50).getNextCursor();
        setStatus(paused.orgId(), OrganizationStatus.DEACTIVATED);

        CLOCK.set(Expected.crossing(50, t, 72).plus(MINUTE));
        sweep();
        setStatus(paused.orgId(), OrganizationStatus.ACTIVE);

        assertThat(running.client().scores().changes(runningCursor, 50).getItems())
                .extracting(ScoreChange::getTo, ScoreChange::getCause)
                .containsExactly(tuple("engaged", ScoreChangeCause.TIME));
        assertThat(paused.client().scores().changes(pausedCursor, 50).getItems()).isEmpty();
    }

    @Test
    void rescore_recordsNoChange_forADeactivatedOfficer() {
        RapportClient client = SERVER.newOrg().client();
        OfficerBuilder leaving = anOfficer();
        Officer quiet = leaving.create(client);
        Officer active = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        twoReferrals(client, quiet, partner, CLOCK.instant());
        twoReferrals(client, active, partner, CLOCK.instant());
        String cursor = client.scores().changes(null, 50).getNextCursor();
        client.officers().update(quiet.getId(), leaving.active(false).input());

        // referrals weigh 10 instead of 25: I = 20, score 63, hot → engaged for both relationships
        ScoringModel model = client.scores().model();
        Map<String, Double> weights = new HashMap<>(model.getWeights());
        weights.put("referral_sent", 10.0);
        ScoringModel changed = client.scores().updateModel(model.getVersion(), new ScoringModelInput().weights(weights)
                .halfLifeDays(model.getHalfLifeDays()).shortHalfLifeDays(model.getShortHalfLifeDays()).k(model.getK())
                .warmingAt(model.getWarmingAt()).engagedAt(model.getEngagedAt()).hotAt(model.getHotAt())
                .hysteresis(model.getHysteresis()));
        assertThat(client.scores().awaitJob(changed.getRescoreJobId(), Duration.ofMinutes(1)).getStatus())
                .isEqualTo(JobStatus.SUCCEEDED);

        assertThat(client.scores().changes(cursor, 50).getItems())
                .extracting(ScoreChange::getOfficerId, ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactly(tuple(active.getId(), "hot", "engaged", ScoreChangeCause.RESCORE));
    }

    private static void twoReferrals(RapportClient client, Officer officer, Partner partner, Instant at) {
        ScoresIT.send(client, officer, partner, new Sent("referral_sent", at), new Sent("referral_sent", at));
    }

    private static void setStatus(UUID orgId, OrganizationStatus status) {
        try (RapportClient admin = SERVER.admin()) {
            admin.organizations().update(orgId, new OrganizationUpdate().name("Org " + orgId).status(status));
        }
    }

    private static int sweep() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + SERVER.adminPort() + "/tasks/score-sweep"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.body().trim().split(" ")[1]);
    }
}
