package io.rapport.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rapport.sdk.model.ScoreChange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change-feed poller resumes from the caller's stored cursor and saves it only after a handled page. */
class ChangeFeedPollerTest {
    private static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String FEED = "/v1/score-changes";
    private RapportClient client;

    @BeforeAll
    static void start() {
        WIREMOCK.start();
    }

    @AfterAll
    static void stop() {
        WIREMOCK.stop();
    }

    @BeforeEach
    void reset() {
        WIREMOCK.resetAll();
        client = RapportClient.builder().baseUrl(WIREMOCK.baseUrl()).apiKey("rk_test").maxAttempts(1).build();
        // a full page from the start, then 2 changes, then nothing new
        stubPage(null, changes(1, 500), "p500");
        stubPage("p500", changes(501, 2), "p502");
        stubPage("p502", "", "p502");
    }

    @Test
    void poll_handsOverEveryPage_savesTheLastCursor_andTheNextPollStartsThere() {
        CursorStore store = CursorStore.inMemory();
        List<String> seen = new ArrayList<>();
        ChangeFeedPoller poller = client.scores().changePoller(store);

        int first = poller.poll(page -> page.forEach(c -> seen.add(c.getId())));
        int second = poller.poll(page -> page.forEach(c -> seen.add(c.getId())));

        assertThat(first).isEqualTo(502);
        assertThat(second).isZero();
        assertThat(seen).hasSize(502).doesNotHaveDuplicates().startsWith("c1").endsWith("c502");
        assertThat(store.load()).isEqualTo("p502");
    }

    @Test
    void aFailingHandler_leavesTheCursorBeforeItsPage_soThePageComesAgain() {
        CursorStore store = CursorStore.inMemory();
        ChangeFeedPoller poller = client.scores().changePoller(store);

        assertThatThrownBy(() -> poller.poll(page -> {
            if (page.size() == 2) {
                throw new IllegalStateException("CRM down");
            }
        })).hasMessage("CRM down");
        assertThat(store.load()).isEqualTo("p500");

        List<ScoreChange> again = new ArrayList<>();
        poller.poll(again::addAll);
        assertThat(again).extracting(ScoreChange::getId).containsExactly("c501", "c502");
    }

    @Test
    void allChanges_endsAtTheFirstEmptyPage() {
        assertThat(client.scores().allChanges(PageQuery.builder().cursor("p500").build()))
                .extracting(ScoreChange::getId).containsExactly("c501", "c502");
    }

    private static void stubPage(String cursor, String items, String next) {
        WIREMOCK.stubFor(get(urlPathEqualTo(FEED))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + items + "],\"nextCursor\":\"" + next + "\"}")));
    }

    private static String changes(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> """
                {"id":"c%d","relationshipId":"0190b7a2-3333-7000-8000-000000000001",
                 "officerId":"0190b7a2-2222-7000-8000-000000000001","partnerId":"0190b7a2-4444-7000-8000-000000000001",
                 "kind":"tier","from":"warming","to":"engaged","score":55,"cause":"event","changedAt":"2026-03-02T09:00:00Z"}"""
                .formatted(i)).collect(Collectors.joining(","));
    }
}
