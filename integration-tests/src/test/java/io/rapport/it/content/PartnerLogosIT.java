package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestImages;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.StoredImage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnerLogosIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void upload_thenDownload_returnsTheSameImage() {
        RapportClient client = SERVER.newOrg().client();
        Partner partner = aPartner().create(client);
        byte[] jpeg = TestImages.jpeg(120, 40);

        StoredImage stored = client.content().uploadPartnerLogo(partner.getId(), jpeg);

        assertThat(stored.getContentType()).isEqualTo(StoredImage.ContentTypeEnum.IMAGE_JPEG);
        assertThat(stored.getWidth()).isEqualTo(120);
        assertThat(stored.getHeight()).isEqualTo(40);
        assertThat(client.content().downloadPartnerLogo(partner.getId()).bytes()).isEqualTo(jpeg);
        assertThat(client.content().downloadPartnerLogo(partner.getId()).etag()).isEqualTo(stored.getEtag());
    }

    @Test
    void somethingThatIsNotAnImage_isRejected_andNoLogoIsKept() {
        RapportClient client = SERVER.newOrg().client();
        Partner partner = aPartner().create(client);

        assertThatThrownBy(() -> client.content().uploadPartnerLogo(partner.getId(),
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.code()).isEqualTo("unsupported_image_type");
                });
        assertThatThrownBy(() -> client.content().downloadPartnerLogo(partner.getId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("logo_not_found"));
    }

    @Test
    void delete_removesTheLogo_andIsHarmlessTwice() {
        RapportClient client = SERVER.newOrg().client();
        Partner partner = aPartner().create(client);
        client.content().uploadPartnerLogo(partner.getId(), TestImages.png(10, 10));

        client.content().deletePartnerLogo(partner.getId());
        client.content().deletePartnerLogo(partner.getId());

        assertThatThrownBy(() -> client.content().downloadPartnerLogo(partner.getId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOrganizationsPartner_answersNotFound() {
        RapportClient mine = SERVER.newOrg().client();
        RapportClient theirs = SERVER.newOrg().client();
        Partner theirPartner = aPartner().create(theirs);
        byte[] logo = TestImages.png(10, 10);
        theirs.content().uploadPartnerLogo(theirPartner.getId(), logo);

        assertThatThrownBy(() -> mine.content().downloadPartnerLogo(theirPartner.getId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> mine.content().uploadPartnerLogo(theirPartner.getId(), TestImages.png(4, 4)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.content().deletePartnerLogo(theirPartner.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.content().uploadPartnerLogo(UUID.randomUUID(), TestImages.png(4, 4)))
                .isInstanceOf(NotFoundException.class);
        assertThat(theirs.content().downloadPartnerLogo(theirPartner.getId()).bytes()).isEqualTo(logo);
    }
}
