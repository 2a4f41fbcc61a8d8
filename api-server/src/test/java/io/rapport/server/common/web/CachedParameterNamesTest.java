package io.rapport.server.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import io.rapport.server.generated.api.ScoresApi;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CachedParameterNamesTest {

    @Test
    void namesParametersAsDropwizardDoes_andWorksThemOutOncePerMethod() {
        Method listOfficerPartners = Arrays.stream(ScoresApi.class.getMethods())
                .filter(m -> m.getName().equals("listOfficerPartners")).findFirst().orElseThrow();
        CachedParameterNames names = new CachedParameterNames();

        var first = names.getParameterNames(listOfficerPartners);

        assertThat(first).containsExactly("path param officerId", "query param limit", "query param cursor",
                        "query param tier", "query param stage", "query param trend", "query param partnerType",
                        "query param sort")
                .isEqualTo(new JerseyParameterNameProvider().getParameterNames(listOfficerPartners));
        assertThat(names.getParameterNames(listOfficerPartners)).isSameAs(first);
    }
}
