package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.Scope;
import io.rapport.server.common.db.SchemaMigrations;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database scored with model 1 (changesets up to before 0220, scores as model 1 left them), then started
 * with this version: changeset 0221 moves the organization still on model 1's default weights to model 2's
 * and keeps the edited weights of the other, each as a new version with a queued rescore job, which the
 * server runs on its own. Afterwards every score is model 2's: equal to a fresh rescore, and to DESIGN §4's
 * formula with app opens once a day.
 */
class ModelTwoMigrationIT {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final UUID DEFAULTS_ORG = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID TUNED_ORG = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final int RELATIONSHIPS = 3;
    private static final String MODEL_1_WEIGHTS = """
            {"app_installed": 5, "app_opened": 1, "profile_viewed": 2, "content_viewed": 2, "calculator_used": 3,
             "content_shared": 5, "card_shared": 8, "contact_tapped": 10, "feedback_given": 12, "meeting_logged": 10,
             "referral_sent": 25, "app_uninstalled": 0}""";

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h")
            .beforeStart(ModelTwoMigrationIT::scoredWithModelOne);

    @Test
    void modelOneOrganizations_moveToModelTwo_andEveryScoreIsAFreshRescores() throws Exception {
        RapportClient defaults = clientOf(DEFAULTS_ORG);
        RapportClient tuned = clientOf(TUNED_ORG);
        awaitMigrationRescores();

        ScoringModel moved = defaults.scores().model();
        assertThat(moved.getVersion()).isEqualTo(2);
        assertThat(moved.getWeights()).containsEntry("app_opened", 0.25).containsEntry("note_sent", 0.0);
        assertThat(moved.getDailyCap()).containsExactly("app_opened");
        ScoringModel kept = tuned.scores().model();
        assertThat(kept.getVersion()).isEqualTo(4);
        assertThat(kept.getWeights()).containsEntry("app_opened", 3.0).containsEntry("referral_sent", 40.0)
                .containsEntry("call_made", 0.0);
        assertThat(kept.getDailyCap()).containsExactly("app_opened");

        for (RapportClient client : List.of(defaults, tuned)) {
            List<RelationshipScore> migrated = scores(client);
            assertThat(migrated).allSatisfy(s -> assertThat(s.getModelVersion()).isEqualTo(client == defaults ? 2 : 4));
            assertThat(client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofMinutes(1)).getStatus())
                    .isEqualTo(JobStatus.SUCCEEDED);
            List<RelationshipScore> fresh = scores(client);
            for (int i = 0; i < migrated.size(); i++) {
                RelationshipScore a = migrated.get(i);
                RelationshipScore b = fresh.get(i);
                assertThat(a.getInterest()).isCloseTo(b.getInterest(), within(1e-9));
                assertThat(a.getScore()).isEqualTo(b.getScore());
                assertThat(a.getTier()).isEqualTo(b.getTier());
                assertThat(a.getTrend()).isEqualTo(b.getTrend());
                assertThat(a.getStage()).isEqualTo(b.getStage());
                assertThat(a.getNextStep()).isEqualTo(b.getNextStep());
            }
        }
        // the formula, independently: 5 opens a day for 10 days count 10 × 0.25 at their days' starts, plus the rest
        RelationshipScore first = scores(defaults).get(0);
        assertThat(first.getInterest()).isCloseTo(expectedModelTwoInterest(), within(1e-9));
    }

    private static List<RelationshipScore> scores(RapportClient client) {
        List<RelationshipScore> scores = new ArrayList<>();
        for (int r = 0; r < RELATIONSHIPS; r++) {
            scores.add(client.scores().forRelationship(relationshipIdFor(client, r)));
        }
        return scores;
    }

    /** The organization each client was made for. */
    private static final Map<RapportClient, UUID> ORG_OF = new IdentityHashMap<>();

    private static UUID relationshipIdFor(RapportClient client, int r) {
        return id(ORG_OF.get(client), "5", r);
    }

    private static RapportClient clientOf(UUID orgId) {
        try (RapportClient admin = SERVER.admin()) {
            String secret = admin.apiKeys().createFor(orgId, new ApiKeyInput().name("migration")
                    .scopes(new LinkedHashSet<>(List.of(Scope.ADMIN)))).getSecret();
            RapportClient client = SERVER.client(secret);
            ORG_OF.put(client, orgId);
            return client;
        }
    }

    /** The jobs changeset 0221 queued, run by the server that started on the migrated database. */
    private static void awaitMigrationRescores() throws Exception {
        TestDatabases.Database db = SERVER.database();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("""
                         SELECT count(*) FILTER (WHERE status = 'succeeded'), count(*) FROM rescore_job""")) {
                rs.next();
                assertThat(rs.getInt(2)).as("a queued rescore per organization with a model").isEqualTo(2);
                if (rs.getInt(1) == 2) {
                    return;
                }
            }
            assertThat(Instant.now()).as("migration rescores finished in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static double expectedModelTwoInterest() {
        double h = 21 * 86_400.0;
        double sum = 5 * Math.pow(2, -secondsBetween(NOW.minus(Duration.ofDays(40)), NOW) / h);
        for (int d = 1; d <= 10; d++) {
            Instant dayStart = NOW.minus(Duration.ofDays(d)).truncatedTo(ChronoUnit.DAYS);
            sum += 0.25 * Math.pow(2, -secondsBetween(dayStart, NOW) / h);
        }
        sum += 2 * Math.pow(2, -secondsBetween(NOW.minus(Duration.ofDays(3)), NOW) / h);
        sum += 10 * Math.pow(2, -secondsBetween(NOW.minus(Duration.ofDays(2)), NOW) / h);
        return sum;
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    /** The schema as model 1 left it, two organizations with scored relationships and their events. */
    private static void scoredWithModelOne(TestDatabases.Database db) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            new Liquibase(SchemaMigrations.CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(c))
                    .update(changeSetsBefore("0220-"), new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement sql = c.createStatement()) {
            for (UUID org : List.of(DEFAULTS_ORG, TUNED_ORG)) {
                sql.execute("INSERT INTO organization (org_id, name, created_at, updated_at) VALUES ('%s', 'Org', now(), now())"
                        .formatted(org));
                sql.execute("""
                        INSERT INTO officer (org_id, officer_id, display_name, created_at, updated_at)
                        VALUES ('%s', '%s', 'Officer', now(), now())""".formatted(org, id(org, "1", 0)));
                for (int r = 0; r < RELATIONSHIPS; r++) {
                    scoredRelationship(c, sql, org, r);
                }
            }
            sql.execute("""
                    INSERT INTO scoring_model (org_id, version, weights, half_life_seconds, short_half_life_seconds, k,
                                               warming_at, engaged_at, hot_at, hysteresis, updated_at)
                    VALUES ('%s', 1, '%s', 1814400, 604800, 20, 25, 50, 75, 3, now()),
                           ('%s', 3, '%s', 1814400, 604800, 20, 25, 50, 75, 3, now())
                    """.formatted(DEFAULTS_ORG, MODEL_1_WEIGHTS, TUNED_ORG,
                    MODEL_1_WEIGHTS.replace("\"app_opened\": 1", "\"app_opened\": 3")
                            .replace("\"referral_sent\": 25", "\"referral_sent\": 40")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installed 40 days ago, five opens a day for ten days, a content view, a contact tap; a stale model-1 row. */
    private static void scoredRelationship(Connection c, Statement sql, UUID org, int r) throws Exception {
        UUID officer = id(org, "1", 0);
        UUID partner = id(org, "2", r);
        UUID relationship = id(org, "5", r);
        sql.execute("""
                INSERT INTO partner (org_id, partner_id, name, type, created_at, updated_at)
                VALUES ('%s', '%s', 'Partner %d', 'realtor', now(), now())""".formatted(org, partner, r));
        sql.execute("""
                INSERT INTO relationship (org_id, relationship_id, officer_id, partner_id, created_at)
                VALUES ('%s', '%s', '%s', '%s', now())""".formatted(org, relationship, officer, partner));
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                         received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            List<Object[]> events = new ArrayList<>();
            events.add(new Object[] {"app_installed", NOW.minus(Duration.ofDays(40))});
            for (int d = 1; d <= 10; d++) {
                for (int i = 0; i < 5; i++) {
                    events.add(new Object[] {"app_opened", NOW.minus(Duration.ofDays(d)).plus(Duration.ofMinutes(17 * i + r))});
                }
            }
            events.add(new Object[] {"content_viewed", NOW.minus(Duration.ofDays(3))});
            events.add(new Object[] {"contact_tapped", NOW.minus(Duration.ofDays(2))});
            for (Object[] e : events) {
                Instant at = (Instant) e[1];
                insert.setObject(1, org);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, relationship);
                insert.setObject(4, officer);
                insert.setObject(5, partner);
                insert.setString(6, (String) e[0]);
                insert.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // model 1 counted every open at weight 1: a hot partner who only opened the app
        sql.execute("""
                INSERT INTO relationship_score (org_id, relationship_id, officer_id, partner_id, raw, short_raw, ref_time,
                                                last_activity_at, tier, stage, rank_key, model_version, type_raws,
                                                updated_at)
                VALUES ('%s', '%s', '%s', '%s', 70.0, 60.0, '%s', '%s', 'hot', 'technoship', 10.0, 1,
                        '{"app_opened": 50.0, "contact_tapped": 10.0}', now())
                """.formatted(org, relationship, officer, partner, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1))));
    }

    private static UUID id(UUID org, String kind, int n) {
        String text = org.toString();
        return UUID.fromString(text.substring(0, 24) + kind + text.substring(35) + "000000000" + n);
    }

    /** How many changesets master.xml lists before the one whose file starts with {@code prefix}. */
    static int changeSetsBefore(String prefix) throws Exception {
        try (InputStream in = ModelTwoMigrationIT.class.getClassLoader().getResourceAsStream(SchemaMigrations.CHANGELOG)) {
            String master = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int count = 0;
            for (String line : master.split("\n")) {
                if (line.contains("<include file=\"" + prefix)) {
                    return count;
                }
                if (line.contains("<include file=")) {
                    count++;
                }
            }
            throw new IllegalStateException("no changeset " + prefix + " in " + SchemaMigrations.CHANGELOG);
        }
    }
}
