package io.rapport.it.advice;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.UsageEventInput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Partners behaving like the worked archetypes of DESIGN §4 (and mixes of them, and any of them touched by
 * the officer a few days ago with no answer), 120 days of their events sent through the API the way a CRM
 * sends them: day by day, shuffled, some a few days late, some batches twice. Then every partner must get
 * the step a seasoned relationship manager would give, every partner ready for coffee must be in the
 * officer's top 10, and no partner who only opens the app may rank above one.
 */
class ArchetypeSimulationIT {
    private static final int DAYS = 120;
    /** The start of the last simulated day; the simulation ends at its last second. */
    private static final Instant LAST_DAY = Instant.parse("2026-05-20T00:00:00Z");
    private static final Instant END = LAST_DAY.plus(Duration.ofDays(1)).minusSeconds(1);
    private static final int OFFICERS = 2;
    private static final int OF_EACH = 2;
    private static final int TOUCHED = 3;
    private static final long[] SEEDS = {11L, 2026L, 4242L};

    private static final MutableClock CLOCK = new MutableClock(LAST_DAY.minus(Duration.ofDays(DAYS)));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    /** One simulated partner of one officer and the step it should get. */
    private record Cast(Officer officer, Partner partner, Archetype archetype, String expected) {
    }

    @Test
    void everyArchetype_getsItsStep_readyPartnersAreInTheTop10_andNoOpenerRanksAboveThem() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int partners = 0;
        for (long seed : SEEDS) {
            CLOCK.set(LAST_DAY.minus(Duration.ofDays(DAYS)));
            RapportClient client = SERVER.newOrg().client();
            Random random = new Random(seed);
            Map<UUID, Cast> cast = new HashMap<>();
            List<Officer> officers = new ArrayList<>();
            Map<Integer, List<UsageEventInput>> byDeliveryDay = new HashMap<>();
            for (int o = 0; o < OFFICERS; o++) {
                Officer officer = anOfficer().create(client);
                officers.add(officer);
                for (Cast member : castFor(client, officer, random)) {
                    cast.put(member.partner().getId(), member);
                }
            }
            for (Cast member : cast.values().stream().sorted((a, b) -> a.partner().getId().compareTo(b.partner().getId()))
                    .toList()) {
                plan(member, random, byDeliveryDay);
            }
            deliver(client, byDeliveryDay, random);
            partners += cast.size();

            for (Officer officer : officers) {
                List<ScoredPartner> ranked = client.scores().allRankedPartners(officer.getId(), null, null, null, null)
                        .toList();
                assertThat(ranked).hasSize((int) cast.values().stream().filter(c -> c.officer() == officer).count());
                for (int rank = 0; rank < ranked.size(); rank++) {
                    ScoredPartner item = ranked.get(rank);
                    Cast member = cast.get(item.getPartnerId());
                    if (!member.expected().equals(item.getNextStep().getCode().getValue())) {
                        disagreements.add("seed %d, %s%s: expected %s, got %s (score %d %s %s %s; %s)".formatted(seed,
                                member.archetype(), member.expected().equals("give_space") ? " touched" : "",
                                member.expected(), item.getNextStep().getCode().getValue(), item.getScore(), item.getTier(),
                                item.getTrend(), item.getStage(), item.getNextStep().getFact()));
                    }
                    if (member.archetype().appOnly()) {
                        assertThat(item.getTier()).as("an app-only opener is warming at most")
                                .isIn(Tier.COLD, Tier.WARMING);
                    }
                }
                assertReadyPartnersLeadTheList(ranked, cast, seed);
            }
        }
        System.out.printf("ArchetypeSimulationIT: %d partners over %d seeds, %d disagreements%n", partners, SEEDS.length,
                disagreements.size());
        assertThat(disagreements).as("next steps a relationship manager disagrees with").isEmpty();
    }

    private static void assertReadyPartnersLeadTheList(List<ScoredPartner> ranked, Map<UUID, Cast> cast, long seed) {
        int lastReady = -1;
        int firstOpener = Integer.MAX_VALUE;
        for (int rank = 0; rank < ranked.size(); rank++) {
            Cast member = cast.get(ranked.get(rank).getPartnerId());
            if (member.archetype().readyForCoffee() && member.expected().equals("invite_to_meet")) {
                lastReady = rank;
            }
            if (member.archetype().appOnly()) {
                firstOpener = Math.min(firstOpener, rank);
            }
        }
        assertThat(lastReady).as("seed %d: every partner ready for coffee is in the top 10", seed).isBetween(0, 9);
        assertThat(firstOpener).as("seed %d: no app-only opener ranks above a partner ready for coffee", seed)
                .isGreaterThan(lastReady);
    }

    /** Each archetype twice per officer, and a few of them touched by the officer with no answer yet. */
    private static List<Cast> castFor(RapportClient client, Officer officer, Random random) {
        List<Cast> cast = new ArrayList<>();
        for (Archetype archetype : Archetype.values()) {
            for (int i = 0; i < OF_EACH; i++) {
                cast.add(new Cast(officer, aPartner().create(client), archetype, archetype.nextStep));
            }
        }
        for (int i = 0; i < TOUCHED; i++) {
            Archetype archetype = Archetype.values()[random.nextInt(Archetype.values().length)];
            cast.add(new Cast(officer, aPartner().create(client), archetype, "give_space"));
        }
        return cast;
    }

    /** The member's events by the day they reach the server: most the same day, some one to three days late. */
    private static void plan(Cast member, Random random, Map<Integer, List<UsageEventInput>> byDeliveryDay) {
        Archetype.Plan plan = new Archetype.Plan(random, DAYS);
        member.archetype().plan(plan);
        if (member.expected().equals("give_space")) {
            plan.touchedWithNoAnswer(Archetype.TOUCHES.get(random.nextInt(Archetype.TOUCHES.size())),
                    2 + random.nextInt(5));
        }
        for (Archetype.Planned planned : plan.events) {
            Instant at = LAST_DAY.minus(Duration.ofDays(planned.day())).plusSeconds(planned.second());
            int late = random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
            int deliveredOn = Math.max(0, planned.day() - late);
            byDeliveryDay.computeIfAbsent(deliveredOn, d -> new ArrayList<>()).add(anEvent(at).type(planned.type())
                    .pair(member.officer(), member.partner()).input());
        }
    }

    /**
     * Day by day, the clock at the day's end: shuffled batches of at most 500, one in twenty sent twice; the
     * sweep settles time-driven changes weekly (reads never depend on it: they compute the tier as of now).
     */
    private static void deliver(RapportClient client, Map<Integer, List<UsageEventInput>> byDeliveryDay, Random random)
            throws IOException, InterruptedException {
        for (int day = DAYS - 1; day >= 0; day--) {
            CLOCK.set(LAST_DAY.minus(Duration.ofDays(day)).plus(Duration.ofDays(1)).minusSeconds(1));
            List<UsageEventInput> events = new ArrayList<>(byDeliveryDay.getOrDefault(day, List.of()));
            Collections.shuffle(events, random);
            for (int from = 0; from < events.size(); from += 500) {
                List<UsageEventInput> batch = events.subList(from, Math.min(events.size(), from + 500));
                assertThat(client.events().send(batch).getAccepted()).isEqualTo(batch.size());
                if (random.nextInt(20) == 0) {
                    assertThat(client.events().send(batch).getDuplicates()).isEqualTo(batch.size());
                }
            }
            if (day % 7 == 0) {
                sweep();
            }
        }
        assertThat(CLOCK.instant()).isEqualTo(END);
    }

    /** What the sweeper does every minute in production: settle the rows whose tier or stage moved with time. */
    private static void sweep() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + SERVER.adminPort() + "/tasks/score-sweep"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
