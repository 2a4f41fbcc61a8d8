package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.DataSourceFactory;
import io.rapport.it.support.TestDatabases;
import io.rapport.server.common.db.SchemaMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changeset 0210 moves the per-type sums from relationship_type_score into relationship_score.type_raws.
 * A database scored before it must keep every sum: each is carried over, decayed from its own reference
 * time to the row's with the organization's half-life (or the default one).
 */
class ScoreStorageMigrationIT {
    /** Change sets up to and including 0204, the schema just before the per-type sums moved. */
    private static final int CHANGE_SETS_BEFORE_0210 = 12;
    private static final double DEFAULT_HALF_LIFE_SECONDS = 21 * 86_400;
    private static final String ORG = "00000000-0000-7000-8000-000000000001";
    private static final String TUNED_ORG = "00000000-0000-7000-8000-000000000002";

    private TestDatabases.Database database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabases.create();
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(database);
    }

    @Test
    void perTypeSums_areCarriedIntoTheScoreRow_decayedToItsReferenceTime() throws Exception {
        try (Connection connection = connect()) {
            Liquibase liquibase = new Liquibase(SchemaMigrations.CHANGELOG, new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection));
            liquibase.update(CHANGE_SETS_BEFORE_0210, new Contexts(), new LabelExpression());
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            scoredRelationship(sql, ORG, "10");
            scoredRelationship(sql, TUNED_ORG, "20");
            sql.execute("""
                    INSERT INTO scoring_model (org_id, version, weights, half_life_seconds, short_half_life_seconds, k,
                                               warming_at, engaged_at, hot_at, hysteresis, updated_at)
                    VALUES ('%s', 2, '{"app_opened": 1}', 86400, 3600, 20, 25, 50, 75, 3, now())
                    """.formatted(TUNED_ORG));
            // app_opened's sum is at the row's reference time; meeting_logged's is one day older
            for (String org : new String[] {ORG, TUNED_ORG}) {
                sql.execute("""
                        INSERT INTO relationship_type_score (org_id, relationship_id, type, raw, ref_time) VALUES
                          ('%1$s', '%2$s', 'app_opened', 3.0, '2026-11-20T12:00:00Z'),
                          ('%1$s', '%2$s', 'meeting_logged', 8.0, '2026-11-19T12:00:00Z')
                        """.formatted(org, relationshipOf(org)));
            }
        }

        new SchemaMigrations(dataSource()).migrate();

        JsonNode defaults = typeRaws(ORG);
        assertThat(defaults.get("app_opened").asDouble()).isEqualTo(3.0);
        assertThat(defaults.get("meeting_logged").asDouble())
                .isCloseTo(8.0 * Math.pow(2, -86_400 / DEFAULT_HALF_LIFE_SECONDS), within(1e-12));
        JsonNode tuned = typeRaws(TUNED_ORG);
        assertThat(tuned.get("app_opened").asDouble()).isEqualTo(3.0);
        assertThat(tuned.get("meeting_logged").asDouble()).isCloseTo(4.0, within(1e-12));
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT to_regclass('relationship_type_score') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("relationship_type_score dropped").isTrue();
        }
    }

    private static void scoredRelationship(Statement sql, String org, String suffix) throws Exception {
        String officer = "00000000-0000-7000-8000-0000000001" + suffix;
        String partner = "00000000-0000-7000-8000-0000000002" + suffix;
        sql.execute("INSERT INTO organization (org_id, name, created_at, updated_at) VALUES ('%s', 'Org', now(), now())"
                .formatted(org));
        sql.execute("""
                INSERT INTO officer (org_id, officer_id, display_name, created_at, updated_at)
                VALUES ('%s', '%s', 'Officer', now(), now())""".formatted(org, officer));
        sql.execute("""
                INSERT INTO partner (org_id, partner_id, name, type, created_at, updated_at)
                VALUES ('%s', '%s', 'Partner', 'realtor', now(), now())""".formatted(org, partner));
        sql.execute("""
                INSERT INTO relationship (org_id, relationship_id, officer_id, partner_id, created_at)
                VALUES ('%s', '%s', '%s', '%s', now())""".formatted(org, relationshipOf(org), officer, partner));
        sql.execute("""
                INSERT INTO relationship_score (org_id, relationship_id, officer_id, partner_id, raw, short_raw, ref_time,
                                                last_activity_at, model_version, updated_at)
                VALUES ('%s', '%s', '%s', '%s', 11.0, 5.0, '2026-11-20T12:00:00Z', '2026-11-20T12:00:00Z', 1, now())
                """.formatted(org, relationshipOf(org), officer, partner));
    }

    private static String relationshipOf(String org) {
        return org.substring(0, 34) + "99";
    }

    private JsonNode typeRaws(String org) throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT type_raws FROM relationship_score WHERE org_id = '%s'".formatted(org))) {
            assertThat(rs.next()).isTrue();
            return new ObjectMapper().readTree(rs.getString(1));
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private DataSourceFactory dataSource() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(database.url());
        factory.setUser(database.user());
        factory.setPassword(database.password());
        return factory;
    }
}
