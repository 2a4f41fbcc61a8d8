package io.rapport.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningSecretsTest {

    @Test
    void sign_matchesTheStandardWebhooksSpecificationsExample() {
        assertThat(SigningSecrets.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generate_givesDistinct256BitKeys() {
        String first = SigningSecrets.generate();
        assertThat(first).startsWith("whsec_").isNotEqualTo(SigningSecrets.generate());
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
    }
}
