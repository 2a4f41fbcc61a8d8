package io.rapport.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RapportClientBuilderTest {

    @Test
    void build_withBaseUrlAndKey_givesEveryGroup() {
        try (RapportClient client = RapportClient.builder().baseUrl("http://localhost:8080/").apiKey("rk_x").build()) {
            assertThat(client.partners()).isNotNull();
            assertThat(client.officers()).isNotNull();
            assertThat(client.branches()).isNotNull();
            assertThat(client.apiKeys()).isNotNull();
            assertThat(client.organizations()).isNotNull();
        }
    }

    @Test
    void setters_failFast_withTheReason() {
        RapportClient.Builder builder = RapportClient.builder();
        assertThatThrownBy(() -> builder.baseUrl("ftp://example.com")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> builder.baseUrl("localhost:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.baseUrl("https://x.example/?a=b")).hasMessageContaining("query");
        assertThatThrownBy(() -> builder.apiKey(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> builder.apiKey("rk_with space")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> builder.applicationName("")).hasMessageContaining("applicationName");
    }

    @Test
    void build_withoutRequiredSettings_saysWhichIsMissing() {
        assertThatThrownBy(() -> RapportClient.builder().apiKey("k").build()).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> RapportClient.builder().baseUrl("https://x.example").build()).hasMessageContaining("apiKey");
    }

    @Test
    void close_isIdempotent() {
        RapportClient client = RapportClient.builder().baseUrl("https://x.example").apiKey("k").build();
        client.close();
        client.close();
        assertThat(client.isClosed()).isTrue();
    }
}
