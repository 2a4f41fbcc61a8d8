package io.rapport.it.webhooks;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.EventTypes;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.WebhookEventTypes;
import io.rapport.sdk.WebhookVerificationException;
import io.rapport.sdk.Webhooks;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoreChangeKind;
import io.rapport.sdk.model.WebhookAttempt;
import io.rapport.sdk.model.WebhookDelivery;
import io.rapport.sdk.model.WebhookDeliveryStatus;
import io.rapport.sdk.model.WebhookSubscription;
import io.rapport.sdk.model.WebhookSubscriptionCreated;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import io.rapport.server.RapportApplication;
import io.rapport.server.webhook.WebhookDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Score changes reach a CRM's endpoint as signed deliveries, through the outbox and the dispatcher (driven
 * here by its admin task; its own poll and the sweep are set to an hour so they stay out of the way). The
 * clock starts at the real time in each test, because receivers verify the signature's timestamp against
 * their own clock.
 */
class WebhookDeliveryIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h")
            .with("webhooks.pollInterval", "1h")
            .with("webhooks.maxAttempts", "4")
            .with("webhooks.disableAfterFailures", "4")
            .with("webhooks.disableAfter", "1m")
            .with("webhooks.secretRotationOverlap", "1m");

    @BeforeEach
    void now() {
        CLOCK.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void ingestedEventsThatMoveATier_areDeliveredSigned_andVerifyWithTheSdk() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED);
            Officer officer = anOfficer().create(client);
            Partner partner = aPartner().create(client);

            sendReferrals(client, officer, partner, 2);
            assertThat(dispatch()).isPositive();

            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            Webhooks.verify(created.getSecret(), request.headers(), request.body());
            assertThatThrownBy(() -> Webhooks.verify(client.webhooks().rotateSecret(created.getSubscription().getId()),
                    request.headers(), request.body())).isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> Webhooks.verify(created.getSecret(), request.headers(), request.body() + " "))
                    .isInstanceOf(WebhookVerificationException.class);

            JsonNode event = JSON.readTree(request.body());
            UUID relationshipId = client.relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();
            assertThat(event.get("type").asText()).isEqualTo("score.tier_changed");
            assertThat(Instant.parse(event.get("timestamp").asText())).isEqualTo(CLOCK.instant().truncatedTo(ChronoUnit.MICROS));
            JsonNode data = event.get("data");
            assertThat(data.get("relationshipId").asText()).isEqualTo(relationshipId.toString());
            assertThat(data.get("officerId").asText()).isEqualTo(officer.getId().toString());
            assertThat(data.get("partnerId").asText()).isEqualTo(partner.getId().toString());
            ScoreChange tierChange = client.scores().changes(null, 50).getItems().stream()
                    .filter(c -> c.getKind() == ScoreChangeKind.TIER).findFirst().orElseThrow();
            assertThat(data.get("to").asText()).isEqualTo("hot").isEqualTo(tierChange.getTo());
            assertThat(data.path("from").asText(null)).isEqualTo(tierChange.getFrom());
            assertThat(data.get("cause").asText()).isEqualTo("event");
            assertThat(data.get("score").asInt()).isEqualTo(client.scores().forRelationship(relationshipId).getScore());

            WebhookDelivery delivery = onlyDelivery(client, created.getSubscription().getId());
            assertThat(request.header("webhook-id")).isEqualTo(delivery.getId().toString());
            assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
            assertThat(delivery.getNextAttemptAt()).isNull();
            assertThat(delivery.getPayload().getData().getCause()).isEqualTo(ScoreChangeCause.EVENT);
            assertThat(delivery.getAttempts()).extracting(WebhookAttempt::getStatusCode).containsExactly(200);
        }
    }

    @Test
    void aRotatedSecret_keepsSigningBesideTheNewOne_untilTheOverlapEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED);
            UUID subscriptionId = created.getSubscription().getId();
            String rotated = client.webhooks().rotateSecret(subscriptionId);
            sendReferrals(client, anOfficer().create(client), aPartner().create(client), 2);
            dispatch();

            WebhookReceiver.Received during = receiver.received().get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            Webhooks.verify(created.getSecret(), during.headers(), during.body());
            Webhooks.verify(rotated, during.headers(), during.body());

            CLOCK.advance(Duration.ofMinutes(2)); // the overlap is 1 minute here; still within verify's tolerance
            client.webhooks().redeliver(subscriptionId, onlyDelivery(client, subscriptionId).getId());
            dispatch();

            WebhookReceiver.Received after = receiver.received().get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            Webhooks.verify(rotated, after.headers(), after.body());
            assertThatThrownBy(() -> Webhooks.verify(created.getSecret(), after.headers(), after.body()))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimes_getsOneSuccessfulDelivery_afterBackoff_withFourAttemptsRecorded() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 503, 500)) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.STAGE_CHANGED);
            UUID subscriptionId = created.getSubscription().getId();
            sendReferrals(client, anOfficer().create(client), aPartner().create(client), 2);

            dispatch();
            assertThat(receiver.received()).hasSize(1);
            dispatch(); // not due again yet
            assertThat(receiver.received()).hasSize(1);
            for (long seconds : new long[] {5, 20, 80}) {
                CLOCK.advance(Duration.ofSeconds(seconds).minusMillis(1));
                dispatch();
                int before = receiver.received().size();
                CLOCK.advance(Duration.ofMillis(1));
                dispatch();
                assertThat(receiver.received()).hasSize(before + 1);
            }
            CLOCK.advance(Duration.ofHours(1));
            dispatch();

            List<WebhookReceiver.Received> requests = receiver.received();
            assertThat(requests).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 503, 500, 200);
            assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
            assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(requests.get(0).body());
            Webhooks.verify(created.getSecret(), requests.get(3).headers(), requests.get(3).body());
            assertThat(JSON.readTree(requests.get(3).body()).get("data").get("to").asText()).isEqualTo("advocate");

            WebhookDelivery delivery = onlyDelivery(client, subscriptionId);
            assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
            assertThat(delivery.getAttempts()).extracting(WebhookAttempt::getStatusCode).containsExactly(500, 503, 500, 200);
            assertThat(delivery.getAttempts()).allSatisfy(a -> assertThat(a.getDurationMs()).isNotNegative());
            assertThat(client.webhooks().get(subscriptionId).getActive()).isTrue();
        }
    }

    @Test
    void aDeadReceiver_failsTheDelivery_disablesTheSubscription_andRedeliveryAfterReenablingSucceeds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 500, 500, 500)) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED);
            UUID subscriptionId = created.getSubscription().getId();
            Officer officer = anOfficer().create(client);
            sendReferrals(client, officer, aPartner().create(client), 2);
            dispatch();
            for (long seconds : new long[] {5, 20, 80}) {
                CLOCK.advance(Duration.ofSeconds(seconds));
                dispatch();
            }

            WebhookDelivery failed = onlyDelivery(client, subscriptionId);
            assertThat(failed.getStatus()).isEqualTo(WebhookDeliveryStatus.FAILED);
            assertThat(failed.getAttempts()).extracting(WebhookAttempt::getStatusCode).containsExactly(500, 500, 500, 500);
            WebhookSubscription disabled = client.webhooks().get(subscriptionId);
            assertThat(disabled.getActive()).isFalse();
            assertThat(disabled.getDisabledReason()).isEqualTo("sustained_failure");

            // a disabled subscription gets nothing new
            sendReferrals(client, officer, aPartner().create(client), 2);
            assertThat(client.webhooks().deliveries(subscriptionId, 50, null).getItems()).hasSize(1);

            client.webhooks().update(subscriptionId, new WebhookSubscriptionInput().url(receiver.url())
                    .eventTypes(List.of(WebhookEventTypes.TIER_CHANGED)).active(true));
            WebhookDelivery queued = client.webhooks().redeliver(subscriptionId, failed.getId());
            assertThat(queued.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            dispatch();

            WebhookDelivery redelivered = onlyDelivery(client, subscriptionId);
            assertThat(redelivered.getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
            assertThat(redelivered.getAttempts()).extracting(WebhookAttempt::getStatusCode).containsExactly(500, 500, 500, 500, 200);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(failed.getId().toString());
            WebhookSubscription enabled = client.webhooks().get(subscriptionId);
            assertThat(enabled.getActive()).isTrue();
            assertThat(enabled.getDisabledReason()).isNull();
        }
    }

    @Test
    void aChangeRolledBack_writesNoDelivery_whileACommittedOneDoes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestOrg org = SERVER.newOrg();
            RapportClient client = org.client();
            UUID subscriptionId = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED).getSubscription().getId();
            Jdbi jdbi = Jdbi.create(SERVER.database().url(), SERVER.database().user(), SERVER.database().password())
                    .installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
            io.rapport.server.score.engine.ScoreChange change = new io.rapport.server.score.engine.ScoreChange(0, UUID.randomUUID(), anOfficer().create(client).getId(),
                    aPartner().create(client).getId(), "tier", "warming", "engaged", 52, "time", null);

            assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
                RapportApplication.scoreChangeLog().append(handle, org.orgId(), List.of(change), CLOCK.instant());
                throw new IllegalStateException("the rest of the transaction failed");
            })).hasMessage("the rest of the transaction failed");
            assertThat(client.webhooks().deliveries(subscriptionId, 50, null).getItems()).isEmpty();
            assertThat(client.scores().changes(null, 50).getItems()).isEmpty();

            jdbi.useTransaction(handle -> RapportApplication.scoreChangeLog().append(handle, org.orgId(), List.of(change), CLOCK.instant()));
            WebhookDelivery delivery = onlyDelivery(client, subscriptionId);
            assertThat(delivery.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            assertThat(delivery.getPayload().getData().getFrom()).isEqualTo("warming");
            assertThat(delivery.getPayload().getData().getCause()).isEqualTo(ScoreChangeCause.TIME);
            client.webhooks().delete(subscriptionId); // leaves nothing due for the other tests' dispatches
        }
    }

    @Test
    void twoNodesDispatchingTheSameOutbox_sendEachDeliveryOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             RapportServerExtension.Node second = SERVER.anotherNode()) {
            RapportClient client = SERVER.newOrg().client();
            UUID subscriptionId = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED,
                    WebhookEventTypes.STAGE_CHANGED).getSubscription().getId();
            Officer officer = anOfficer().create(client);
            List<io.rapport.sdk.model.UsageEventInput> events = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Partner partner = aPartner().create(client);
                for (int j = 0; j < 2; j++) {
                    events.add(anEvent(CLOCK.instant()).type(EventTypes.REFERRAL_SENT).pair(officer, partner).input());
                }
            }
            assertThat(client.events().send(events).getAccepted()).isEqualTo(120);

            List<WebhookDispatcher> dispatchers = List.of(SERVER.managed(WebhookDispatcher.class),
                    second.managed(WebhookDispatcher.class));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> runs = dispatchers.stream().map(d -> threads.submit(() -> {
                    start.await();
                    return d.dispatchDue();
                })).toList();
                int attempts = 0;
                for (java.util.concurrent.Future<Integer> run : runs) {
                    attempts += run.get();
                }
                assertThat(attempts).isEqualTo(120);
            } finally {
                threads.shutdownNow();
            }

            List<String> ids = receiver.received().stream().map(r -> r.header("webhook-id")).toList();
            assertThat(ids).hasSize(120).doesNotHaveDuplicates();
            assertThat(client.webhooks().deliveries(subscriptionId, 500, null).getItems())
                    .hasSize(120)
                    .allSatisfy(d -> assertThat(d.getAttempts()).hasSize(1))
                    .extracting(WebhookDelivery::getStatus).containsOnly(WebhookDeliveryStatus.SUCCEEDED);
        }
    }

    @Test
    void acceptedReferrals_areDeliveredAsReferralReceived_onceEach_withTheirProperties() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.REFERRAL_RECEIVED);
            Officer officer = anOfficer().create(client);
            Partner partner = aPartner().create(client);
            Instant at = CLOCK.instant().minusSeconds(60);
            var referral = anEvent(at).type(EventTypes.REFERRAL_SENT).pair(officer, partner)
                    .property("clientName", "Pat Buyer").property("loanAmount", 420000).input();
            var opened = anEvent(at).type(EventTypes.APP_OPENED).pair(officer, partner).input();
            assertThat(client.events().send(List.of(referral, opened)).getAccepted()).isEqualTo(2);
            // the same event again is a duplicate: not a second referral
            assertThat(client.events().send(List.of(referral)).getDuplicates()).isEqualTo(1);
            dispatch();

            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            Webhooks.verify(created.getSecret(), request.headers(), request.body());
            JsonNode event = JSON.readTree(request.body());
            assertThat(event.get("type").asText()).isEqualTo("referral.received");
            assertThat(Instant.parse(event.get("timestamp").asText())).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
            assertThat(event.at("/data/eventId").asText()).isEqualTo(referral.getEventId().toString());
            assertThat(event.at("/data/officerId").asText()).isEqualTo(officer.getId().toString());
            assertThat(event.at("/data/partnerId").asText()).isEqualTo(partner.getId().toString());
            assertThat(event.at("/data/properties/clientName").asText()).isEqualTo("Pat Buyer");
            assertThat(event.at("/data/properties/loanAmount").asInt()).isEqualTo(420000);
            assertThat(event.at("/data/to").isMissingNode()).isTrue();
            assertThat(onlyDelivery(client, created.getSubscription().getId()).getPayload().getData().getEventId())
                    .isEqualTo(referral.getEventId());
        }
    }

    @Test
    void aPartnerWhoBecomesEngagedWithoutEverMeeting_isReadyForAMeeting_once() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.READY_FOR_MEETING);
            Officer officer = anOfficer().create(client);
            Partner interested = aPartner().create(client);
            send(client, officer, interested, EventTypes.CONTACT_TAPPED, EventTypes.CONTACT_TAPPED); // I = 20: engaged
            send(client, officer, interested, EventTypes.CONTACT_TAPPED);                            // hot: still ready
            send(client, officer, interested, EventTypes.MEETING_LOGGED);                            // met: stage moves on
            send(client, officer, aPartner().create(client), EventTypes.REFERRAL_SENT, EventTypes.REFERRAL_SENT); // advocate
            dispatch();

            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            Webhooks.verify(created.getSecret(), request.headers(), request.body());
            JsonNode event = JSON.readTree(request.body());
            assertThat(event.get("type").asText()).isEqualTo("relationship.ready_for_meeting");
            assertThat(event.at("/data/partnerId").asText()).isEqualTo(interested.getId().toString());
            assertThat(event.at("/data/tier").asText()).isEqualTo("engaged");
            assertThat(event.at("/data/stage").asText()).isEqualTo("technoship");
            assertThat(event.at("/data/score").asInt()).isEqualTo(63);
            assertThat(event.at("/data/cause").asText()).isEqualTo("event");
            assertThat(onlyDelivery(client, created.getSubscription().getId()).getEventType())
                    .isEqualTo("relationship.ready_for_meeting");
        }
    }

    @Test
    void readyForMeeting_isSentOncePerStayAtTechnoship_aLapsedReachOutWindowNeverRepeatsIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            subscribe(client, receiver, WebhookEventTypes.READY_FOR_MEETING);
            Officer officer = anOfficer().create(client);
            Partner partner = aPartner().create(client);
            send(client, officer, partner, EventTypes.CONTACT_TAPPED, EventTypes.CONTACT_TAPPED);  // engaged, reaching out
            dispatch();
            assertThat(receiver.received()).hasSize(1);

            CLOCK.advance(Duration.ofDays(31));                                                    // the window lapses
            send(client, officer, partner, EventTypes.CONTACT_TAPPED, EventTypes.CONTACT_TAPPED);  // ready again: not new
            dispatch();
            assertThat(receiver.received()).hasSize(1);

            send(client, officer, partner, EventTypes.MEETING_LOGGED);                             // they met
            CLOCK.advance(Duration.ofDays(91));                                                    // long ago now
            send(client, officer, partner, EventTypes.CONTACT_TAPPED, EventTypes.CONTACT_TAPPED);  // a new stay: ready
            dispatch();
            assertThat(receiver.received()).hasSize(2);
            assertThat(JSON.readTree(receiver.received().get(1).body()).at("/data/stage").asText()).isEqualTo("technoship");
        }
    }

    private static void send(RapportClient client, Officer officer, Partner partner, String... types) {
        List<io.rapport.sdk.model.UsageEventInput> events = java.util.Arrays.stream(types)
                .map(type -> anEvent(CLOCK.instant()).type(type).pair(officer, partner).input()).toList();
        assertThat(client.events().send(events).getAccepted()).isEqualTo(types.length);
    }

    @Test
    void finishedDeliveries_arePurgedAfterTheRetention_whilePendingOnesStay() throws Exception {
        try (WebhookReceiver working = new WebhookReceiver(); WebhookReceiver failing = new WebhookReceiver().answer(500)) {
            RapportClient client = SERVER.newOrg().client();
            UUID done = subscribe(client, working, WebhookEventTypes.TIER_CHANGED).getSubscription().getId();
            UUID waiting = subscribe(client, failing, WebhookEventTypes.TIER_CHANGED).getSubscription().getId();
            sendReferrals(client, anOfficer().create(client), aPartner().create(client), 2);
            dispatch();
            assertThat(onlyDelivery(client, done).getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
            assertThat(onlyDelivery(client, waiting).getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);

            CLOCK.advance(Duration.ofDays(29));
            purge();
            assertThat(onlyDelivery(client, done).getAttempts()).hasSize(1);
            CLOCK.advance(Duration.ofDays(2));
            assertThat(purge()).isPositive();

            assertThat(client.webhooks().deliveries(done, 50, null).getItems()).isEmpty();
            assertThat(onlyDelivery(client, waiting).getAttempts()).hasSize(1);
            client.webhooks().delete(waiting); // its delivery is due: nothing left for the other tests' dispatches
        }
    }

    private static int purge() throws Exception {
        return runTask("webhook-purge", "purged");
    }

    @Test
    void aPausedSubscriptionsQueuedDelivery_waitsWithNoDueTime_andGoesOutWhenItIsActiveAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RapportClient client = SERVER.newOrg().client();
            WebhookSubscriptionCreated created = subscribe(client, receiver, WebhookEventTypes.TIER_CHANGED);
            UUID subscriptionId = created.getSubscription().getId();
            Officer officer = anOfficer().create(client);
            sendReferrals(client, officer, aPartner().create(client), 2);
            WebhookSubscriptionInput paused = new WebhookSubscriptionInput().url(receiver.url())
                    .eventTypes(List.of(WebhookEventTypes.TIER_CHANGED)).active(false);
            client.webhooks().update(subscriptionId, paused);

            WebhookDelivery parked = onlyDelivery(client, subscriptionId);
            assertThat(parked.getStatus()).isEqualTo(WebhookDeliveryStatus.PENDING);
            assertThat(parked.getNextAttemptAt()).isNull();
            dispatch();
            assertThat(receiver.received()).isEmpty();
            sendReferrals(client, officer, aPartner().create(client), 2); // not queued while paused
            assertThat(onlyDelivery(client, subscriptionId).getId()).isEqualTo(parked.getId());

            CLOCK.advance(Duration.ofMinutes(1));
            client.webhooks().update(subscriptionId, paused.active(true));
            assertThat(onlyDelivery(client, subscriptionId).getNextAttemptAt().toInstant())
                    .isEqualTo(CLOCK.instant().truncatedTo(ChronoUnit.MICROS));
            dispatch();
            assertThat(receiver.received()).singleElement()
                    .satisfies(r -> Webhooks.verify(created.getSecret(), r.headers(), r.body()));
            assertThat(onlyDelivery(client, subscriptionId).getStatus()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
        }
    }

    static WebhookSubscriptionCreated subscribe(RapportClient client, WebhookReceiver receiver, String... types) {
        return client.webhooks().create(new WebhookSubscriptionInput().url(receiver.url()).eventTypes(List.of(types)));
    }

    private static void sendReferrals(RapportClient client, Officer officer, Partner partner, int count) {
        List<io.rapport.sdk.model.UsageEventInput> events = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> anEvent(CLOCK.instant()).type(EventTypes.REFERRAL_SENT).pair(officer, partner).input())
                .toList();
        assertThat(client.events().send(events).getAccepted()).isEqualTo(count);
    }

    private static WebhookDelivery onlyDelivery(RapportClient client, UUID subscriptionId) {
        List<WebhookDelivery> deliveries = client.webhooks().deliveries(subscriptionId, 50, null).getItems();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    static int dispatch() throws Exception {
        return dispatch(SERVER);
    }

    /** Runs the server's dispatcher once through its admin task; returns how many attempts it made. */
    static int dispatch(RapportServerExtension server) throws Exception {
        return runTask(server, "webhook-dispatch", "attempted");
    }

    private static int runTask(String task, String word) throws Exception {
        return runTask(SERVER, task, word);
    }

    /** Runs an admin task that answers "{word} {count}"; returns the count. */
    private static int runTask(RapportServerExtension server, String task, String word) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.adminPort() + "/tasks/" + task))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String[] words = response.body().trim().split(" ");
        assertThat(words[0]).isEqualTo(word);
        return Integer.parseInt(words[1]);
    }
}
