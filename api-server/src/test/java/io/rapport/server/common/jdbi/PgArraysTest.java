package io.rapport.server.common.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PgArraysTest {

    @Test
    void uuids_areListedBare_andNullIsSqlNull() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

        assertThat(PgArrays.uuids(Arrays.asList(a, null, b), Function.identity()))
                .isEqualTo("{00000000-0000-0000-0000-00000000000a,NULL,ffffffff-ffff-ffff-ffff-ffffffffffff}");
    }

    @Test
    void texts_areQuoted_withQuotesAndBackslashesEscaped_andNullIsSqlNull() {
        List<String> texts = Arrays.asList("plain", "NULL", "", "say \"hi\"", "a\\b", "{x,y} z", null, "é ✓");

        assertThat(PgArrays.texts(texts, Function.identity()))
                .isEqualTo("{\"plain\",\"NULL\",\"\",\"say \\\"hi\\\"\",\"a\\\\b\",\"{x,y} z\",NULL,\"é ✓\"}");
    }

    @Test
    void longs_andEmptyArrays() {
        assertThat(PgArrays.longs(new long[] {0, -1, Long.MAX_VALUE})).isEqualTo("{0,-1,9223372036854775807}");
        assertThat(PgArrays.longs(new long[0])).isEqualTo("{}");
        assertThat(PgArrays.uuids(List.<UUID>of(), Function.identity())).isEqualTo("{}");
        assertThat(PgArrays.texts(List.<String>of(), Function.identity())).isEqualTo("{}");
    }
}
