package io.rapport.it.support;

import io.rapport.sdk.RapportClient;
import io.rapport.sdk.generated.model.Branch;
import io.rapport.sdk.generated.model.BranchInput;
import io.rapport.sdk.generated.model.Officer;
import io.rapport.sdk.generated.model.OfficerInput;
import io.rapport.sdk.generated.model.Partner;
import io.rapport.sdk.generated.model.PartnerInput;
import io.rapport.sdk.generated.model.PartnerType;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixture builders: {@code aPartner().type(REALTOR).create(client)}. Unset fields get plausible values. */
public final class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    public static PartnerBuilder aPartner() {
        return new PartnerBuilder();
    }

    public static OfficerBuilder anOfficer() {
        return new OfficerBuilder();
    }

    public static Branch aBranch(RapportClient client) {
        return client.branches().create(new BranchInput().name("Branch " + SEQUENCE.incrementAndGet()).region("West"));
    }

    public static final class PartnerBuilder {
        private final PartnerInput input = new PartnerInput()
                .name("Partner " + SEQUENCE.incrementAndGet())
                .type(PartnerType.REALTOR)
                .company("Keller Homes")
                .email("partner" + SEQUENCE.get() + "@example.com");

        public PartnerBuilder type(PartnerType type) {
            input.type(type);
            return this;
        }

        public PartnerBuilder name(String name) {
            input.name(name);
            return this;
        }

        public PartnerBuilder externalId(String externalId) {
            input.externalId(externalId);
            return this;
        }

        public PartnerBuilder active(boolean active) {
            input.active(active);
            return this;
        }

        public PartnerInput input() {
            return input;
        }

        public Partner create(RapportClient client) {
            return client.partners().create(input);
        }
    }

    public static final class OfficerBuilder {
        private final OfficerInput input = new OfficerInput()
                .displayName("Officer " + SEQUENCE.incrementAndGet())
                .title("Senior Loan Officer")
                .nmlsId(String.valueOf(100000 + SEQUENCE.get()))
                .email("officer" + SEQUENCE.get() + "@example.com");

        public OfficerBuilder branch(UUID branchId) {
            input.branchId(branchId);
            return this;
        }

        public OfficerBuilder externalId(String externalId) {
            input.externalId(externalId);
            return this;
        }

        public OfficerBuilder active(boolean active) {
            input.active(active);
            return this;
        }

        public OfficerInput input() {
            return input;
        }

        public Officer create(RapportClient client) {
            return client.officers().create(input);
        }
    }
}
