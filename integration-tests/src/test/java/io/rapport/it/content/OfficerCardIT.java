package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.BrandColors;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import io.rapport.sdk.model.SocialLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OfficerCardIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void socialLinksAndBrandColours_roundTrip_andAreReplacedByUpdate() {
        RapportClient client = SERVER.newOrg().client();
        OfficerInput input = anOfficer().input()
                .socialLinks(new SocialLinks().website("https://jane.example").linkedin("https://linkedin.com/in/jane"))
                .brandColors(new BrandColors().primary("#1A73E8").secondary("#ffffff"));

        Officer created = client.officers().create(input);

        assertThat(client.officers().get(created.getId())).isEqualTo(created);
        assertThat(created.getSocialLinks().getWebsite()).isEqualTo("https://jane.example");
        assertThat(created.getSocialLinks().getLinkedin()).isEqualTo("https://linkedin.com/in/jane");
        assertThat(created.getSocialLinks().getFacebook()).isNull();
        assertThat(created.getBrandColors().getPrimary()).isEqualTo("#1A73E8");
        assertThat(created.getBrandColors().getSecondary()).isEqualTo("#ffffff");

        Officer updated = client.officers().update(created.getId(), input.socialLinks(null).brandColors(null));
        assertThat(updated.getSocialLinks()).isNull();
        assertThat(updated.getBrandColors()).isNull();
    }

    @Test
    void upsertByExternalId_keepsTheCardFields() {
        RapportClient client = SERVER.newOrg().client();
        OfficerInput input = anOfficer().input().brandColors(new BrandColors().accent("#00aa00"))
                .socialLinks(new SocialLinks().x("http://x.com/jane"));

        client.officers().upsertByExternalId("crm-7", input);
        Officer replaced = client.officers().upsertByExternalId("crm-7", input.brandColors(new BrandColors().accent("#AA0000")));

        assertThat(replaced.getBrandColors().getAccent()).isEqualTo("#AA0000");
        assertThat(replaced.getSocialLinks().getX()).isEqualTo("http://x.com/jane");
    }

    @Test
    void brandColourThatIsNotHex_isRejectedWithItsField() {
        RapportClient client = SERVER.newOrg().client();
        OfficerInput input = anOfficer().input().brandColors(new BrandColors().primary("blue").accent("#12345"));

        assertThatThrownBy(() -> client.officers().create(input))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.fieldError("brandColors.primary")).isPresent();
                    assertThat(e.fieldError("brandColors.accent")).isPresent();
                });
    }

    @Test
    void socialLinkThatIsNotHttp_isRejectedWithItsField() {
        RapportClient client = SERVER.newOrg().client();
        OfficerInput input = anOfficer().input()
                .socialLinks(new SocialLinks().website("javascript:alert(1)").facebook("ftp://files.example/jane"));

        assertThatThrownBy(() -> client.officers().create(input))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldError("socialLinks.website")).isPresent();
                    assertThat(e.fieldError("socialLinks.facebook")).isPresent();
                });
        assertThat(client.officers().all(null, null)).isEmpty();
    }
}
