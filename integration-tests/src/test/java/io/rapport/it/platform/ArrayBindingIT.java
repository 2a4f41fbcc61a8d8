package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.TestDatabases;
import io.rapport.server.common.jdbi.RapportJdbiPlugin;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server binds arrays itself ({@code ArrayArgumentFactory}): numbers and texts in binary, uuids as one
 * literal. What PostgreSQL receives must be exactly what was bound, nulls, quotes, backslashes, braces and
 * extreme numbers included.
 */
class ArrayBindingIT {
    private static TestDatabases.Database database;
    private static Jdbi jdbi;

    @BeforeAll
    static void connect() {
        database = TestDatabases.create();
        jdbi = Jdbi.create(database.url(), database.user(), database.password())
                .installPlugin(new PostgresPlugin()).installPlugin(new RapportJdbiPlugin());
    }

    @AfterAll
    static void drop() {
        TestDatabases.drop(database);
    }

    @Test
    void numbersArriveExactlyWithTheirNulls() {
        Long[] longs = {Long.MIN_VALUE, -1L, null, 0L, 1_733_500_000_123_456L, Long.MAX_VALUE};
        Double[] doubles = {-0.0, null, Double.MIN_VALUE, 1.0 / 3, 1e300, Double.MAX_VALUE, Double.NEGATIVE_INFINITY};
        Integer[] integers = {Integer.MIN_VALUE, null, 42, Integer.MAX_VALUE};

        assertThat(roundTrip("CAST(:v AS bigint[])", longs, Long[].class)).containsExactly(longs);
        assertThat(roundTrip("CAST(:v AS float8[])", doubles, Double[].class)).containsExactly(doubles);
        assertThat(roundTrip("CAST(:v AS int[])", integers, Integer[].class)).containsExactly(integers);
        Integer nullAt = jdbi.withHandle(h -> h.createQuery("SELECT array_position(:v, NULL)").bind("v", longs)
                .mapTo(Integer.class).one());
        assertThat(nullAt).as("the null is SQL NULL, in place").isEqualTo(3);
    }

    @Test
    void textsArriveExactly() {
        String[] texts = {"plain", "", null, "NULL", "quote \" and backslash \\", "{braces, commas}", " padded ",
                "ünïcødé ✓", "{\"type\": 1.5}"};

        assertThat(roundTrip("CAST(:v AS text[])", texts, String[].class)).containsExactly(texts);
        String type = jdbi.withHandle(h -> h.createQuery("SELECT pg_typeof(:v)::text").bind("v", texts).mapTo(String.class).one());
        assertThat(type).as("bound by the server's factory (Jdbi's own sends varchar[])").isEqualTo("text[]");
        String second = jdbi.withHandle(h -> h.createQuery("SELECT (CAST(:v AS jsonb[]))[1] -> 'a' ->> 1")
                .bind("v", new String[] {"{\"a\": [1, 2]}"}).mapTo(String.class).one());
        assertThat(second).as("cast to jsonb[] in SQL").isEqualTo("2");
    }

    @Test
    void uuidsArriveAsUuidsWithTheirNulls() {
        UUID[] ids = {UUID.randomUUID(), null, new UUID(0, 0), UUID.randomUUID()};

        assertThat(roundTrip("CAST(:v AS uuid[])", ids, UUID[].class)).containsExactly(ids);
        List<String> types = jdbi.withHandle(h -> h.createQuery("SELECT pg_typeof(:v)::text").bind("v", ids)
                .mapTo(String.class).list());
        assertThat(types).containsExactly("uuid[]");
        Integer matched = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM unnest(:v) AS u(id) WHERE id = ANY(:v)")
                .bind("v", ids).mapTo(Integer.class).one());
        assertThat(matched).isEqualTo(3);
    }

    @Test
    void aNullArrayIsSqlNull() {
        Boolean bothNull = jdbi.withHandle(h -> h.createQuery("SELECT CAST(:v AS bigint[]) IS NULL AND CAST(:u AS uuid[]) IS NULL")
                .bindByType("v", null, Long[].class).bindByType("u", null, UUID[].class).mapTo(Boolean.class).one());
        assertThat(bothNull).isTrue();
    }

    private static <T> List<T> roundTrip(String expression, T[] values, Class<T[]> type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + expression).bind("v", values).map((rs, ctx) -> {
            Array array = rs.getArray(1);
            return Arrays.asList(type.cast(array.getArray()));
        }).one());
    }
}
