package io.rapport.it.events;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.AuthenticationException;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.AppInstall;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.AppInstallStatus;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AppInstallsIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    private record Installed(TestOrg org, Officer officer, Partner partner, AppInstallCreated created) {
        RapportClient app() {
            return SERVER.client(created.getToken());
        }

        AppInstall install() {
            return created.getAppInstall();
        }

        List<UsageEvent> timeline() {
            return org.client().events().allForRelationship(install().getRelationshipId(), null, null, null).toList();
        }
    }

    private static Installed install() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        AppInstallCreated created = org.client().appInstalls().register(
                new AppInstallInput().officerId(officer.getId()).partnerId(partner.getId()).platform("ios"));
        return new Installed(org, officer, partner, created);
    }

    @Test
    void register_issuesATokenOnce_andCreatesTheRelationship() {
        Installed it = install();

        assertThat(it.created().getToken()).startsWith("rit_");
        AppInstall install = it.install();
        assertThat(install.getStatus()).isEqualTo(AppInstallStatus.ACTIVE);
        assertThat(install.getPlatform()).isEqualTo("ios");
        assertThat(install.getPrefix()).startsWith("rit_").isNotEqualTo(it.created().getToken());
        assertThat(it.created().getToken()).contains(install.getPrefix().substring("rit_…".length()));
        assertThat(it.org().client().relationships().find(it.officer().getId(), it.partner().getId()))
                .hasValueSatisfying(r -> assertThat(r.getId()).isEqualTo(install.getRelationshipId()));
        assertThat(it.org().client().appInstalls().get(install.getId())).isEqualTo(install);
    }

    @Test
    void token_sendsEventsForItsOwnRelationship_withOrWithoutNamingIt() {
        Installed it = install();
        UsageEventInput implicit = anEvent(Instant.now()).type("app_opened").input();
        UsageEventInput explicit = anEvent(Instant.now()).type("calculator_used").pair(it.officer(), it.partner()).input();

        EventBatchResult result = it.app().events().send(List.of(implicit, explicit));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(it.timeline()).extracting(UsageEvent::getEventId)
                .containsExactlyInAnyOrder(implicit.getEventId(), explicit.getEventId());
    }

    @Test
    void token_forAnotherRelationship_isForbidden_andNothingOfTheBatchIsStored() {
        Installed it = install();
        Partner otherPartner = aPartner().create(it.org().client());
        UsageEventInput own = anEvent(Instant.now()).input();
        UsageEventInput foreign = anEvent(Instant.now()).officerId(it.officer().getId()).partnerId(otherPartner.getId()).input();

        assertForbidden(() -> it.app().events().send(List.of(own, foreign)), "install_relationship_mismatch");
        assertForbidden(() -> it.app().events().send(List.of(anEvent(Instant.now())
                .officerId(anOfficer().create(it.org().client()).getId()).input())), "install_relationship_mismatch");
        // Another organization's ids are not this token's either.
        Installed elsewhere = install();
        assertForbidden(() -> it.app().events().send(List.of(anEvent(Instant.now())
                .pair(elsewhere.officer(), elsewhere.partner()).input())), "install_relationship_mismatch");
        assertThat(it.timeline()).isEmpty();
        assertThat(elsewhere.timeline()).isEmpty();
    }

    @Test
    void token_cannotUseAnyOtherOperation() {
        Installed it = install();
        RapportClient app = it.app();

        assertForbidden(() -> app.partners().list(null, null, null, null), "missing_scope");
        assertForbidden(() -> app.partners().get(it.partner().getId()), "missing_scope");
        assertForbidden(() -> app.relationships().get(it.install().getRelationshipId()), "missing_scope");
        assertForbidden(() -> app.events().allForRelationship(it.install().getRelationshipId(), null, null, null).toList(),
                "missing_scope");
        assertForbidden(() -> app.appInstalls().register(new AppInstallInput()
                .officerId(it.officer().getId()).partnerId(it.partner().getId())), "missing_scope");
        assertForbidden(() -> app.appInstalls().revoke(it.install().getId()), "missing_scope");
    }

    @Test
    void orgKeys_needEventsWrite_toSend() {
        Installed it = install();
        RapportClient reader = it.org().clientWith(Scope.SCORES_READ);
        RapportClient writer = it.org().clientWith(Scope.EVENTS_WRITE);
        UsageEventInput event = anEvent(Instant.now()).pair(it.officer(), it.partner()).input();

        assertForbidden(() -> reader.events().send(List.of(event)), "missing_scope");
        assertThat(writer.events().send(List.of(event)).getAccepted()).isEqualTo(1);
        assertForbidden(() -> writer.appInstalls().register(new AppInstallInput()
                .officerId(it.officer().getId()).partnerId(it.partner().getId())), "missing_scope");
    }

    @Test
    void revokedToken_answers401_andTheInstallShowsRevoked() {
        Installed it = install();
        it.app().events().send(List.of(anEvent(Instant.now()).input()));

        it.org().client().appInstalls().revoke(it.install().getId());
        it.org().client().appInstalls().revoke(it.install().getId());

        assertThatThrownBy(() -> it.app().events().send(List.of(anEvent(Instant.now()).input())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("invalid_credentials"));
        AppInstall revoked = it.org().client().appInstalls().get(it.install().getId());
        assertThat(revoked.getStatus()).isEqualTo(AppInstallStatus.REVOKED);
        assertThat(revoked.getRevokedAt()).isNotNull();
        assertThat(it.timeline()).hasSize(1);
    }

    @Test
    void appUninstalledEvent_marksTheInstallInactive_andItsTokenStopsWorking() {
        Installed it = install();
        Instant uninstalledAt = it.install().getCreatedAt().toInstant().plusMillis(1);

        EventBatchResult result = it.app().events().send(List.of(anEvent(uninstalledAt).type("app_uninstalled").input()));

        assertThat(result.getAccepted()).isEqualTo(1);
        AppInstall install = it.org().client().appInstalls().get(it.install().getId());
        assertThat(install.getStatus()).isEqualTo(AppInstallStatus.UNINSTALLED);
        assertThat(install.getUninstalledAt()).isNotNull();
        assertThatThrownBy(() -> it.app().events().send(List.of(anEvent(Instant.now()).input())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("install_inactive"));
        // A reinstall gets a new, working token.
        AppInstallCreated again = it.org().client().appInstalls().register(
                new AppInstallInput().officerId(it.officer().getId()).partnerId(it.partner().getId()));
        assertThat(again.getAppInstall().getRelationshipId()).isEqualTo(it.install().getRelationshipId());
        assertThat(SERVER.client(again.getToken()).events().send(List.of(anEvent(Instant.now()).input())).getAccepted())
                .isEqualTo(1);
    }

    @Test
    void appUninstalledEvent_olderThanTheInstall_leavesItActive() {
        Installed it = install();
        Instant beforeInstall = it.install().getCreatedAt().toInstant().minusSeconds(60);

        it.org().client().events().send(List.of(anEvent(beforeInstall).type("app_uninstalled")
                .pair(it.officer(), it.partner()).input()));

        assertThat(it.org().client().appInstalls().get(it.install().getId()).getStatus()).isEqualTo(AppInstallStatus.ACTIVE);
        assertThat(it.app().events().send(List.of(anEvent(Instant.now()).input())).getAccepted()).isEqualTo(1);
    }

    @Test
    void deactivatedOrganization_getsNoNewEvents_fromItsKeysOrItsApps() {
        Installed it = install();
        try (RapportClient admin = SERVER.admin()) {
            admin.organizations().update(it.org().orgId(), new io.rapport.sdk.model.OrganizationUpdate()
                    .name("Gone").status(io.rapport.sdk.model.OrganizationStatus.DEACTIVATED));
        }

        assertForbidden(() -> it.app().events().send(List.of(anEvent(Instant.now()).input())), "organization_deactivated");
        assertForbidden(() -> it.org().client().events().send(List.of(anEvent(Instant.now())
                .pair(it.officer(), it.partner()).input())), "organization_deactivated");
    }

    @Test
    void register_refusesUnknownOrDeactivatedOfficersAndPartners() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner retired = aPartner().active(false).create(org.client());
        Partner elsewhere = aPartner().create(SERVER.newOrg().client());

        assertThatThrownBy(() -> org.client().appInstalls().register(
                new AppInstallInput().officerId(officer.getId()).partnerId(elsewhere.getId())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("partnerId")).isPresent());
        assertThatThrownBy(() -> org.client().appInstalls().register(
                new AppInstallInput().officerId(officer.getId()).partnerId(retired.getId())))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("partner_deactivated");
                });
        assertThat(org.client().relationships().all(null, null)).isEmpty();
    }

    @Test
    void anotherOrganizationsInstall_isNotFound() {
        Installed theirs = install();
        RapportClient mine = SERVER.newOrg().client();

        assertThatThrownBy(() -> mine.appInstalls().get(theirs.install().getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.appInstalls().revoke(theirs.install().getId())).isInstanceOf(NotFoundException.class);
        assertThat(theirs.org().client().appInstalls().get(theirs.install().getId()).getStatus())
                .isEqualTo(AppInstallStatus.ACTIVE);
    }

    private static void assertForbidden(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PermissionException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
