package io.rapport.it.directory;

import static io.rapport.it.support.Fixtures.aBranch;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.ConflictException;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.BranchInput;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BranchesAndOfficersIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void branch_createUpdateListAndGet() {
        RapportClient client = SERVER.newOrg().client();
        Branch branch = client.branches().create(new BranchInput().name("Denver").region("Mountain"));

        Branch renamed = client.branches().update(branch.getId(), new BranchInput().name("Denver Tech Center"));

        assertThat(renamed.getName()).isEqualTo("Denver Tech Center");
        assertThat(renamed.getRegion()).isNull();
        assertThat(client.branches().get(branch.getId())).isEqualTo(renamed);
        assertThat(client.branches().all()).extracting(Branch::getId).containsExactly(branch.getId());
    }

    @Test
    void officer_createWithEveryField_andGet() {
        RapportClient client = SERVER.newOrg().client();
        Branch branch = aBranch(client);
        Officer officer = client.officers().create(new OfficerInput()
                .displayName("Maria Lopez").title("Branch Manager").nmlsId("123456").phone("+1 555 0199")
                .email("maria@lender.example").bio("Twenty years of helping families buy homes.")
                .branchId(branch.getId()).externalId("lo-7"));

        assertThat(client.officers().get(officer.getId())).isEqualTo(officer);
        assertThat(officer.getNmlsId()).isEqualTo("123456");
        assertThat(officer.getBranchId()).isEqualTo(branch.getId());
        assertThat(officer.getActive()).isTrue();
    }

    @Test
    void officer_inAnotherOrganizationsBranch_isRejectedNamingTheField() {
        TestOrg mine = SERVER.newOrg();
        Branch theirs = aBranch(SERVER.newOrg().client());

        assertThatThrownBy(() -> anOfficer().branch(theirs.getId()).create(mine.client()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldError("branchId")).isPresent();
                });
        assertThat(mine.client().officers().all(null, null)).isEmpty();
    }

    @Test
    void officers_filterByBranchAndActive() {
        RapportClient client = SERVER.newOrg().client();
        Branch north = aBranch(client);
        Branch south = aBranch(client);
        Officer a = anOfficer().branch(north.getId()).create(client);
        Officer b = anOfficer().branch(north.getId()).active(false).create(client);
        Officer c = anOfficer().branch(south.getId()).create(client);

        assertThat(client.officers().all(north.getId(), null)).extracting(Officer::getId).containsExactly(a.getId(), b.getId());
        assertThat(client.officers().all(null, true)).extracting(Officer::getId).containsExactly(a.getId(), c.getId());
        assertThat(client.officers().all(north.getId(), false)).extracting(Officer::getId).containsExactly(b.getId());
    }

    @Test
    void officer_upsertByExternalId_createsThenReplaces() {
        RapportClient client = SERVER.newOrg().client();
        Officer created = client.officers().upsertByExternalId("crm-lo-1", anOfficer().input().displayName("Ann"));
        Officer replaced = client.officers().upsertByExternalId("crm-lo-1",
                anOfficer().input().displayName("Ann Lee").active(false));

        assertThat(replaced.getId()).isEqualTo(created.getId());
        assertThat(replaced.getDisplayName()).isEqualTo("Ann Lee");
        assertThat(replaced.getActive()).isFalse();
        assertThat(client.officers().all(null, null)).hasSize(1);
    }

    @Test
    void officer_duplicateExternalId_answersConflict() {
        RapportClient client = SERVER.newOrg().client();
        anOfficer().externalId("same").create(client);
        assertThatThrownBy(() -> anOfficer().externalId("same").create(client))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("external_id_taken"));
    }

    @Test
    void officer_update_unknownId_answers404() {
        RapportClient client = SERVER.newOrg().client();
        assertThatThrownBy(() -> client.officers().update(UUID.randomUUID(), anOfficer().input()))
                .isInstanceOf(io.rapport.sdk.NotFoundException.class);
    }
}
