package io.rapport.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.server.demo.Demo;
import io.rapport.server.demo.DemoData;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code demo} command's core against a fresh database, then read back through the real server
 * (at the same instant) and SDK: what the report prints is what the API answers.
 */
class DemoIT {
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    private static Demo demo;
    private static DemoData data;
    private static String report;

    @BeforeAll
    static void runTheDemo() {
        TestDatabases.Database db = SERVER.database();
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password())
                .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        demo = new Demo(jdbi, CLOCK);
        data = demo.seed(Demo.DEFAULT_SEED);
        report = demo.report(data);
    }

    @Test
    void theReport_namesEveryOfficerAndPartner() {
        assertThat(data.officers()).hasSize(2);
        assertThat(data.partners()).hasSize(8);
        data.officers().forEach(o -> assertThat(report).contains("== " + o.name() + " =="));
        data.partners().forEach(p -> assertThat(report).contains(p.name()));
        assertThat(data.partners()).extracting(DemoData.Person::type)
                .contains("realtor", "financial_planner", "cpa", "builder", "attorney", "insurance");
        assertThat(data.eventsStored()).isEqualTo(data.eventsSent()).isPositive();
    }

    @Test
    void thePrintedInstallLink_opensTheApp_andTheScoreCardTokenReadsTheOfficersPartners() {
        String code = data.installLinkPath().substring("/i/".length());
        String token = SERVER.client("none").appInstalls().exchangeLink(code).getToken();
        String embed = data.scoreCardPath().substring(data.scoreCardPath().indexOf("#token=") + "#token=".length());

        assertThat(SERVER.client(token).app().feed().feed().getPartner().getId()).isEqualTo(data.partners().get(0).id());
        assertThat(data.scoreCardPath()).startsWith("/embed/officer?org=" + data.orgId() + "#token=");
        assertThat(SERVER.client(embed).scores().rankedPartners(data.officers().get(0).id(), null, null, null, null, null,
                null).getItems()).isNotEmpty();
    }

    @Test
    void theReport_showsForEachOfficerWhatTheApiRanks_andTheStoredScoresAreTheScoringServicesAnswer() {
        RapportClient client = SERVER.client(data.apiKey());
        for (DemoData.Person officer : data.officers()) {
            List<ScoredPartner> ranked = client.scores().allRankedPartners(officer.id(), null, null, null, null).toList();
            assertThat(ranked).isNotEmpty();
            String section = section(officer.name());
            int rank = 1;
            for (ScoredPartner p : ranked) {
                String line = String.format("%2d. %-14s %-17s score %3d  %-7s %-7s %-12s", rank++, p.getPartnerName(),
                        p.getPartnerType().getValue(), p.getScore(), p.getTier().getValue(), p.getTrend().getValue(),
                        p.getStage().getValue());
                assertThat(section).contains(line.stripTrailing());
                assertThat(section).contains("next: " + p.getNextStep().getCode() + ": " + p.getNextStep().getReason());
                RelationshipScore fromEvents = client.scores().forRelationship(p.getRelationshipId());
                assertThat(fromEvents.getScore()).isEqualTo(p.getScore());
                assertThat(fromEvents.getTier()).isEqualTo(p.getTier());
                assertThat(fromEvents.getStage()).isEqualTo(p.getStage());
            }
        }
    }

    @Test
    void theCastSpreadsOverTiersAndNextSteps() {
        RapportClient client = SERVER.client(data.apiKey());
        List<ScoredPartner> all = data.officers().stream()
                .flatMap(o -> client.scores().allRankedPartners(o.id(), null, null, null, null)).toList();
        assertThat(all).extracting(p -> p.getTier().getValue()).contains("hot", "engaged", "warming", "cold");
        assertThat(all).extracting(p -> p.getNextStep().getCode().getValue())
                .contains("thank_and_support", "check_in", "invite_to_meet", "ask_for_business", "ask_for_feedback",
                        "share_useful_tool", "give_space");
        // model 2: an app open is worth a quarter once a day, so nobody who only opens the app is hot
        assertThat(all).filteredOn(p -> p.getNextStep().getCode().getValue().equals("give_space"))
                .allSatisfy(p -> assertThat(p.getNextStep().getFact()).startsWith("You sent a note"));
    }

    @Test
    void theSameSeed_replaysTheSameDemo_inANewOrganization_andAnotherSeedDiffers() {
        DemoData again = demo.seed(Demo.DEFAULT_SEED);
        DemoData other = demo.seed(7);

        assertThat(again.orgId()).isNotEqualTo(data.orgId());
        assertThat(demo.report(again)).isEqualTo(report);
        assertThat(demo.report(other)).isNotEqualTo(report);
    }

    private static String section(String officerName) {
        String[] parts = report.split(Pattern.quote("== "));
        for (String part : parts) {
            if (part.startsWith(officerName + " ==")) {
                return part;
            }
        }
        throw new AssertionError("no section for " + officerName + " in\n" + report);
    }
}
