package io.rapport.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.server.common.problem.ApiProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1",
            "64:ff9b::a00:1", "198.18.0.1"})
    void nonPublicAddresses_areRefused(String address) throws UnknownHostException {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1"})
    void publicAddresses_areAllowed(String address) throws UnknownHostException {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aNameResolvingToAPrivateAddress_isRefusedAtDeliveryTime() {
        Map<String, String> dns = Map.of("crm.example", "93.184.215.14", "rebound.example", "10.0.0.7");
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {InetAddress.getByName(dns.get(host))});
        assertThat(policy.refusal(URI.create("https://crm.example/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://rebound.example/hook"))).get().asString().contains("10.0.0.7");
    }

    @Test
    void subscriptionUrls_needHttpsAndAPublicHost_unlessPrivateTargetsAreAllowed() {
        TargetPolicy strict = new TargetPolicy(false, host -> InetAddress.getAllByName(host));
        assertThat(code(() -> strict.checkSubscription("http://93.184.215.14/hook"))).isEqualTo("invalid_webhook_url");
        assertThat(code(() -> strict.checkSubscription("not a url"))).isEqualTo("invalid_webhook_url");
        assertThat(code(() -> strict.checkSubscription("https://user:pw@93.184.215.14/"))).isEqualTo("invalid_webhook_url");
        assertThat(code(() -> strict.checkSubscription("https://127.0.0.1:8443/hook"))).isEqualTo("webhook_target_refused");
        assertThat(strict.checkSubscription("https://93.184.215.14/hook").getHost()).isEqualTo("93.184.215.14");

        TargetPolicy lenient = new TargetPolicy(true, host -> {
            throw new AssertionError("no resolution when private targets are allowed");
        });
        assertThat(lenient.checkSubscription("http://localhost:9000/hook").getPort()).isEqualTo(9000);
        assertThat(code(() -> lenient.checkSubscription("ftp://localhost/hook"))).isEqualTo("invalid_webhook_url");
    }

    private static String code(Runnable call) {
        return ((ApiProblemException) org.assertj.core.api.Assertions.catchThrowable(call::run)).code();
    }
}
