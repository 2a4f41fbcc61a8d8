package io.rapport.it.scores;

import static io.rapport.it.scores.ScoresIT.send;
import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.ChangeFeedPoller;
import io.rapport.sdk.CursorStore;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoreChange;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed pages with `cursor` (and still `after`), and the SDK's poller resumes from a stored cursor. */
class ScoreChangeFeedIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK).with("scoring.sweepInterval", "1h");

    @Test
    void cursor_andItsOlderNameAfter_bothContinueTheFeed_andConflictingValuesAreRefused() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        send(org.client(), officer, partner, new Sent("meeting_logged", NOW.minus(Duration.ofMinutes(10))),
                new Sent("referral_sent", NOW.minus(Duration.ofMinutes(10))));
        RawHttp http = new RawHttp(SERVER.baseUrl(), org.apiKey());
        JsonNode first = body(http.get("/v1/score-changes?limit=1"));
        assertThat(first.path("items")).hasSize(1);
        String next = first.path("nextCursor").asText();

        JsonNode byCursor = body(http.get("/v1/score-changes?limit=1&cursor=" + next));
        JsonNode byAfter = body(http.get("/v1/score-changes?limit=1&after=" + next));

        assertThat(byCursor.path("items")).hasSize(1);
        assertThat(byCursor.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(0).path("id"));
        assertThat(byAfter).isEqualTo(byCursor);
        HttpResponse<String> both = http.get("/v1/score-changes?cursor=" + next + "&after=" + byCursor.path("nextCursor").asText());
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(body(both).path("code").asText()).isEqualTo("conflicting_parameters");
        HttpResponse<String> bad = http.get("/v1/score-changes?cursor=bm9wZQ");
        assertThat(body(bad).path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }

    @Test
    void poller_resumesFromTheCallersStoredCursor_seeingEachChangeOnce() {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        Officer officer = anOfficer().create(client);
        Partner first = aPartner().create(client);
        Partner second = aPartner().create(client);
        CursorStore store = CursorStore.inMemory();
        List<ScoreChange> seen = new ArrayList<>();

        send(client, officer, first, new Sent("meeting_logged", NOW.minus(Duration.ofMinutes(10))),
                new Sent("referral_sent", NOW.minus(Duration.ofMinutes(10))));
        int firstPoll = client.scores().changePoller(store).poll(seen::addAll);
        String stored = store.load();
        send(client, officer, second, new Sent("meeting_logged", NOW.minus(Duration.ofMinutes(5))),
                new Sent("referral_sent", NOW.minus(Duration.ofMinutes(5))));
        ChangeFeedPoller restarted = client.scores().changePoller(store); // a new process, the same stored cursor
        int secondPoll = restarted.poll(seen::addAll);

        assertThat(firstPoll).isEqualTo(2);
        assertThat(stored).isNotBlank();
        assertThat(secondPoll).isEqualTo(2);
        assertThat(seen).extracting(ScoreChange::getId).doesNotHaveDuplicates().hasSize(4);
        assertThat(seen.subList(2, 4)).extracting(ScoreChange::getPartnerId).containsOnly(second.getId());
        assertThat(restarted.poll(seen::addAll)).isZero();
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
