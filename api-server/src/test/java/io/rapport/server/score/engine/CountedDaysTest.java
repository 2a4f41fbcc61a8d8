package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountedDaysTest {

    @Test
    void anyOrderOfDays_answersLikeTheSetOfThem_andEncodesTheSame() {
        Random random = new Random(5);
        for (int run = 0; run < 500; run++) {
            long today = 20_000 + random.nextInt(100);
            List<Long> days = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                // mostly recent days, some at the far edge of the two years
                days.add(today - (random.nextInt(4) == 0 ? 700 + random.nextInt(32) : random.nextInt(100)));
            }
            CountedDays forward = fold(days);
            List<Long> reversed = new ArrayList<>(days);
            java.util.Collections.reverse(reversed);
            CountedDays backward = fold(reversed);
            Set<Long> set = new HashSet<>(days);
            long latest = set.stream().mapToLong(Long::longValue).max().orElseThrow();

            assertThat(backward).isEqualTo(forward);
            assertThat(backward.encode()).isEqualTo(forward.encode());
            assertThat(CountedDays.decode(forward.encode())).isEqualTo(forward);
            for (long day = latest - CountedDays.SPAN + 1; day <= latest + 3; day++) {
                assertThat(forward.has(day)).as("run %d day %d", run, day).isEqualTo(set.contains(day));
            }
        }
    }

    @Test
    void encode_isTheLatestDayAndHexDigitsOfFourDays_withoutTrailingZeros() {
        CountedDays days = CountedDays.of(20_000).with(19_999).with(19_996).with(19_990);

        // offsets 0, 1, 4, 10: digit 0 = 1+2, digit 1 = 1, digit 2 = 4
        assertThat(days.encode()).isEqualTo("20000:314");
        assertThat(CountedDays.of(20_000).with(20_005).encode()).isEqualTo("20005:12");
    }

    @Test
    void aDayOlderThanTheSpan_isNeverCountedAgain() {
        CountedDays days = CountedDays.of(20_000).with(20_000 + CountedDays.SPAN);

        assertThat(days.has(20_000)).isTrue();
        assertThat(days.with(20_000)).isEqualTo(days);
        assertThat(days.encode()).isEqualTo((20_000 + CountedDays.SPAN) + ":1");
    }

    private static CountedDays fold(List<Long> days) {
        CountedDays counted = null;
        for (long day : days) {
            counted = counted == null ? CountedDays.of(day) : counted.with(day);
        }
        return counted;
    }
}
