package io.rapport.server.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.ApiProblemException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    @Test
    void read_atTheCap_keepsEveryByte() {
        byte[] body = new byte[1000];
        body[999] = 42;
        assertThat(CappedBody.read(new ByteArrayInputStream(body), 1000)).isEqualTo(body);
    }

    @Test
    void read_pastTheCap_answersTooLarge_andConsumesTheRest() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[300_000]);
        assertThatThrownBy(() -> CappedBody.read(in, 100_000))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo("image_too_large");
                });
        assertThat(in.available()).isZero();
    }
}
