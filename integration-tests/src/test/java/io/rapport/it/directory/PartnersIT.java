package io.rapport.it.directory;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.ConflictException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerPage;
import io.rapport.sdk.model.PartnerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnersIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void create_thenGet_returnsEveryField() {
        RapportClient client = SERVER.newOrg().client();
        Partner created = client.partners().create(new PartnerInput()
                .name("Dana Brooks").company("Brooks Realty").type(PartnerType.REALTOR)
                .email("dana@brooks.example").phone("+1 555 0100").externalId("crm-1"));

        Partner fetched = client.partners().get(created.getId());

        assertThat(fetched).isEqualTo(created);
        assertThat(fetched.getName()).isEqualTo("Dana Brooks");
        assertThat(fetched.getCompany()).isEqualTo("Brooks Realty");
        assertThat(fetched.getType()).isEqualTo(PartnerType.REALTOR);
        assertThat(fetched.getExternalId()).isEqualTo("crm-1");
        assertThat(fetched.getActive()).isTrue();
        assertThat(fetched.getCreatedAt()).isNotNull();
    }

    @Test
    void update_replacesFields_andCanDeactivate() {
        RapportClient client = SERVER.newOrg().client();
        Partner partner = aPartner().create(client);

        Partner updated = client.partners().update(partner.getId(),
                new PartnerInput().name("Renamed").type(PartnerType.CPA).active(false));

        assertThat(updated.getName()).isEqualTo("Renamed");
        assertThat(updated.getType()).isEqualTo(PartnerType.CPA);
        assertThat(updated.getActive()).isFalse();
        assertThat(updated.getCompany()).isNull();
        assertThat(client.partners().get(partner.getId())).isEqualTo(updated);
    }

    @Test
    void upsertByExternalId_createsThenReplaces_withOneRow() {
        RapportClient client = SERVER.newOrg().client();

        Partner first = client.partners().upsertByExternalId("crm-42", aPartner().name("First").input());
        Partner second = client.partners().upsertByExternalId("crm-42",
                aPartner().name("Second").type(PartnerType.BUILDER).input());

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getName()).isEqualTo("Second");
        assertThat(second.getType()).isEqualTo(PartnerType.BUILDER);
        assertThat(second.getExternalId()).isEqualTo("crm-42");
        assertThat(client.partners().all(null, null)).extracting(Partner::getId).containsExactly(first.getId());
    }

    @Test
    void create_whenExternalIdTaken_answersConflict() {
        RapportClient client = SERVER.newOrg().client();
        aPartner().externalId("dup").create(client);

        assertThatThrownBy(() -> aPartner().externalId("dup").create(client))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("external_id_taken");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void update_toAnotherPartnersExternalId_answersConflict() {
        RapportClient client = SERVER.newOrg().client();
        aPartner().externalId("a").create(client);
        Partner b = aPartner().externalId("b").create(client);

        assertThatThrownBy(() -> client.partners().update(b.getId(), aPartner().externalId("a").input()))
                .isInstanceOf(ConflictException.class);
        assertThat(client.partners().get(b.getId()).getExternalId()).isEqualTo("b");
    }

    @Test
    void list_pagesThroughEveryPartnerOnce_inCreationOrder() {
        RapportClient client = SERVER.newOrg().client();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(aPartner().create(client).getId());
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PartnerPage page = client.partners().list(3, cursor, null, null);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(3);
            page.getItems().forEach(p -> seen.add(p.getId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void list_filtersByTypeAndActive() {
        RapportClient client = SERVER.newOrg().client();
        Partner cpa = aPartner().type(PartnerType.CPA).create(client);
        Partner inactiveCpa = aPartner().type(PartnerType.CPA).active(false).create(client);
        Partner realtor = aPartner().type(PartnerType.REALTOR).create(client);

        assertThat(client.partners().all(PartnerType.CPA, null)).extracting(Partner::getId)
                .containsExactly(cpa.getId(), inactiveCpa.getId());
        assertThat(client.partners().all(PartnerType.CPA, true)).extracting(Partner::getId).containsExactly(cpa.getId());
        assertThat(client.partners().all(null, false)).extracting(Partner::getId).containsExactly(inactiveCpa.getId());
        assertThat(client.partners().all(PartnerType.REALTOR, null)).extracting(Partner::getId).containsExactly(realtor.getId());
    }

    @Test
    void all_streamsAcrossManyPages() {
        RapportClient client = SERVER.newOrg().client();
        Set<UUID> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            created.add(aPartner().create(client).getId());
        }
        assertThat(client.partners().all(null, null).map(Partner::getId)).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void get_unknownId_answersNotFound() {
        RapportClient client = SERVER.newOrg().client();
        assertThatThrownBy(() -> client.partners().get(UUID.randomUUID()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void otherTenantsPartner_isInvisible() {
        TestOrg mine = SERVER.newOrg();
        TestOrg theirs = SERVER.newOrg();
        Partner theirPartner = aPartner().externalId("shared-crm-id").create(theirs.client());

        assertThatThrownBy(() -> mine.client().partners().get(theirPartner.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.client().partners().update(theirPartner.getId(), aPartner().input()))
                .isInstanceOf(NotFoundException.class);
        assertThat(mine.client().partners().all(null, null)).isEmpty();
        // The same externalId is free in another organization.
        Partner mineWithSameExternalId = aPartner().externalId("shared-crm-id").create(mine.client());
        assertThat(mineWithSameExternalId.getId()).isNotEqualTo(theirPartner.getId());
        assertThat(theirs.client().partners().get(theirPartner.getId()).getName()).isEqualTo(theirPartner.getName());
    }
}
