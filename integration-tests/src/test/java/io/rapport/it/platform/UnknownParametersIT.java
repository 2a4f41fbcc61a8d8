package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.PartnersQuery;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RequestOptions;
import io.rapport.sdk.model.PartnerType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A query parameter the contract does not declare for the operation is refused, never silently ignored. */
class UnknownParametersIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestOrg org;
    private static RawHttp http;

    @BeforeAll
    static void org() {
        org = SERVER.newOrg();
        http = new RawHttp(SERVER.baseUrl(), org.apiKey());
    }

    @Test
    void aMisspeltFilter_answers400UnknownParameter_namingIt() throws Exception {
        HttpResponse<String> response = http.get("/v1/partners?limit=5&tpye=realtor");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("unknown_parameter");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("tpye");
    }

    @Test
    void declaredParameters_includingSharedOnes_pass() {
        assertThat(http.get("/v1/partners?limit=5&cursor&type=realtor&active=true").statusCode()).isNotEqualTo(400);
        assertThat(http.get("/v1/partners?limit=5&type=realtor&active=true").statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/score-changes?limit=5&after=").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperationWithoutQueryParameters_refusesAny() throws Exception {
        HttpResponse<String> response = http.get("/v1/scoring-model?verbose=true");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("unknown_parameter");
    }

    @Test
    void anEncodedName_isDecodedBeforeTheCheck() {
        assertThat(http.get("/v1/partners?%6Cimit=5").statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/partners?li%6Dit2=5").statusCode()).isEqualTo(400);
    }

    @Test
    void anAnonymousCaller_getsAuthenticationFirst() {
        assertThat(new RawHttp(SERVER.baseUrl(), null).get("/v1/partners?nope=1").statusCode()).isEqualTo(401);
    }

    @Test
    void theSdk_sendsOnlyDeclaredParameters_andExtraHeadersPassThrough() {
        org.client().withOptions(RequestOptions.builder().header("X-Crm-Trace", "t-1").build())
                .partners().list(PartnersQuery.builder().type(PartnerType.REALTOR).active(true).limit(3).build());

        assertThatThrownBy(() -> org.client().partners().list(PartnersQuery.builder().cursor("garbage!").build()))
                .isInstanceOfSatisfying(RapportApiException.class, e -> assertThat(e.code()).isNotEqualTo("unknown_parameter"));
    }
}
