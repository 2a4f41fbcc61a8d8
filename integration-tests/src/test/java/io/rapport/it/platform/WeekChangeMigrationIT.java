package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.UsageEventInput;
import io.rapport.server.common.db.SchemaMigrations;
import io.rapport.server.score.engine.CountedDays;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database scored before changeset 0950 (capped_days held only the latest day counted, no recent
 * contributions, no stored 7-day change), started with this version: every row's counted days become the
 * bitmap a rescore builds, the change sort is exact at once (rows start out stale, so reads compute them
 * until the sweep has stored them), and a late app open of a day counted before the migration does not
 * count twice.
 */
class WeekChangeMigrationIT {
    /** Now: the migration reads the database's clock, the server this one. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final UUID ORG = UUID.fromString("00000000-0000-7000-8000-0000000009a0");
    private static final UUID OFFICER = UUID.fromString("00000000-0000-7000-8000-0000000009a1");
    private static final UUID PARTNER = UUID.fromString("00000000-0000-7000-8000-0000000009a2");
    private static final UUID RELATIONSHIP = UUID.fromString("00000000-0000-7000-8000-0000000009a3");
    private static final List<Integer> OPEN_DAYS_AGO = List.of(1, 2, 5, 30, 400);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h")
            .beforeStart(WeekChangeMigrationIT::scoredBeforeWeekChange);

    @Test
    void rowsScoredBefore0950_getTheirCountedDaysAndRecentContributions_asARescoreStoresThem() throws Exception {
        RapportClient client = clientOf(ORG);
        long today = Math.floorDiv(NOW.getEpochSecond(), 86_400L);
        CountedDays expected = null;
        for (int ago : OPEN_DAYS_AGO) {
            expected = expected == null ? CountedDays.of(today - ago) : expected.with(today - ago);
        }
        String migratedDays = column("capped_days");
        String migratedRecent = column("recent");
        assertThat(migratedDays).isEqualTo("{\"app_opened\": \"" + expected.encode() + "\"}");
        // the open days of the last eight days at their day starts, and the tap
        assertThat(migratedRecent).contains(String.valueOf(NOW.minus(Duration.ofDays(2)).toEpochMilli() * 1000));
        assertThat(migratedRecent.split("\\],").length).isEqualTo(4);

        // a late open of a day counted before the migration counts nothing
        double interest = client.scores().forRelationship(RELATIONSHIP).getInterest();
        client.events().send(List.of(new UsageEventInput().officerId(OFFICER).partnerId(PARTNER).type("app_opened")
                .occurredAt(OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(30)).plusSeconds(60), ZoneOffset.UTC))));
        assertThat(client.scores().forRelationship(RELATIONSHIP).getInterest()).isEqualTo(interest);

        // a rescore of the same events stores the same days and contributions
        client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofMinutes(1));
        assertThat(column("capped_days")).isEqualTo(migratedDays);
        assertThat(column("recent")).isEqualTo(migratedRecent);
        ScoredPartner byChange = client.scores().rankedPartners(OFFICER, 10, null, null, null, null, null,
                PartnerSort.CHANGE7D).getItems().get(0);
        assertThat(byChange.getScoreChange7d()).isEqualTo(score(interestAt(NOW)) - score(interestAt(NOW.minus(Duration.ofDays(7)))));
    }

    /** The events' interest at {@code t}, from those counted by then: each open day at its start, the tap. */
    private static double interestAt(Instant t) {
        List<Instant> opens = new ArrayList<>();
        OPEN_DAYS_AGO.forEach(ago -> opens.add(NOW.minus(Duration.ofDays(ago)).truncatedTo(ChronoUnit.DAYS)));
        double sum = 0;
        for (Instant open : opens) {
            sum += open.isAfter(t) ? 0 : 0.25 * Math.pow(2, -Duration.between(open, t).toNanos() / 1e9 / (21 * 86_400.0));
        }
        Instant tap = NOW.minus(Duration.ofDays(2));
        return sum + (tap.isAfter(t) ? 0 : 10 * Math.pow(2, -Duration.between(tap, t).toNanos() / 1e9 / (21 * 86_400.0)));
    }

    private static int score(double interest) {
        return (int) Math.round(100 * (1 - Math.exp(-interest / 20)));
    }

    private static String column(String name) throws Exception {
        TestDatabases.Database db = SERVER.database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT " + name + "::text FROM relationship_score")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static RapportClient clientOf(UUID orgId) {
        try (RapportClient admin = SERVER.admin()) {
            String secret = admin.apiKeys().createFor(orgId, new ApiKeyInput().name("migration")
                    .scopes(new LinkedHashSet<>(List.of(Scope.ADMIN)))).getSecret();
            return SERVER.client(secret);
        }
    }

    /** The schema up to 0950, one scored relationship with app opens over 400 days and a recent contact tap. */
    private static void scoredBeforeWeekChange(TestDatabases.Database db) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            new Liquibase(SchemaMigrations.CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(c))
                    .update(ModelTwoMigrationIT.changeSetsBefore("0950-"), new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO organization (org_id, name, created_at, updated_at) VALUES ('%s', 'Org', now(), now())"
                    .formatted(ORG));
            sql.execute("""
                    INSERT INTO officer (org_id, officer_id, display_name, created_at, updated_at)
                    VALUES ('%s', '%s', 'Officer', now(), now())""".formatted(ORG, OFFICER));
            sql.execute("""
                    INSERT INTO partner (org_id, partner_id, name, type, created_at, updated_at)
                    VALUES ('%s', '%s', 'Partner', 'realtor', now(), now())""".formatted(ORG, PARTNER));
            sql.execute("""
                    INSERT INTO relationship (org_id, relationship_id, officer_id, partner_id, created_at)
                    VALUES ('%s', '%s', '%s', '%s', now())""".formatted(ORG, RELATIONSHIP, OFFICER, PARTNER));
            sql.execute("""
                    INSERT INTO scoring_model (org_id, version, weights, daily_cap, half_life_seconds,
                                               short_half_life_seconds, k, warming_at, engaged_at, hot_at, hysteresis,
                                               updated_at)
                    VALUES ('%s', 2, '{"app_installed": 5, "app_opened": 0.25, "profile_viewed": 2, "content_viewed": 2,
                            "calculator_used": 3, "content_shared": 5, "card_shared": 8, "contact_tapped": 10,
                            "feedback_given": 12, "meeting_logged": 10, "referral_sent": 25, "app_uninstalled": 0,
                            "note_sent": 0, "call_made": 0, "tool_shared": 0}', '["app_opened"]', 1814400, 604800, 20,
                            25, 50, 75, 3, now())""".formatted(ORG));
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                             received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int ago : OPEN_DAYS_AGO) {
                    event(insert, "app_opened", NOW.minus(Duration.ofDays(ago)));
                    event(insert, "app_opened", NOW.minus(Duration.ofDays(ago)).plusSeconds(30));
                }
                event(insert, "contact_tapped", NOW.minus(Duration.ofDays(2)));
                insert.executeBatch();
            }
            // as ingest left it before 0950: the latest day counted only
            sql.execute("""
                    INSERT INTO relationship_score (org_id, relationship_id, officer_id, partner_id, raw, short_raw, app_raw,
                                                    ref_time, last_activity_at, tier, stage, rank_key, model_version,
                                                    type_raws, capped_days, updated_at)
                    VALUES ('%s', '%s', '%s', '%s', 11.0, 11.0, 11.0, '%s', '%s', 'cold', 'technoship', 2.0, 2,
                            '{"app_opened": 1.0, "contact_tapped": 10.0}', '{"app_opened": %d}', now())
                    """.formatted(ORG, RELATIONSHIP, OFFICER, PARTNER, NOW.minus(Duration.ofDays(1)),
                    NOW.minus(Duration.ofDays(1)), Math.floorDiv(NOW.getEpochSecond(), 86_400L) - 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void event(PreparedStatement insert, String type, Instant at) throws Exception {
        insert.setObject(1, ORG);
        insert.setObject(2, UUID.randomUUID());
        insert.setObject(3, RELATIONSHIP);
        insert.setObject(4, OFFICER);
        insert.setObject(5, PARTNER);
        insert.setString(6, type);
        insert.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.addBatch();
    }
}
