package io.rapport.it.support;

import io.rapport.sdk.RapportClient;
import io.rapport.sdk.generated.model.Branch;
import io.rapport.sdk.generated.model.BranchInput;
import io.rapport.sdk.generated.model.Officer;
import io.rapport.sdk.generated.model.OfficerInput;
import io.rapport.sdk.generated.model.Partner;
import io.rapport.sdk.generated.model.PartnerInput;
import io.rapport.sdk.generated.model.PartnerType;
import io.rapport.sdk.generated.model.UsageEventInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
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

    /** A usage event of type {@code app_opened} with a fresh eventId, occurring at {@code at}. */
    public static EventBuilder anEvent(Instant at) {
        return new EventBuilder(at);
    }

    public static final class EventBuilder {
        private final UsageEventInput input;

        private EventBuilder(Instant at) {
            input = new UsageEventInput().eventId(UUID.randomUUID()).type("app_opened")
                    .occurredAt(at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }

        public EventBuilder id(UUID eventId) {
            input.eventId(eventId);
            return this;
        }

        public EventBuilder type(String type) {
            input.type(type);
            return this;
        }

        /** Officer and partner by id. */
        public EventBuilder pair(Officer officer, Partner partner) {
            input.officerId(officer.getId()).partnerId(partner.getId());
            return this;
        }

        public EventBuilder officerId(UUID officerId) {
            input.officerId(officerId);
            return this;
        }

        public EventBuilder partnerId(UUID partnerId) {
            input.partnerId(partnerId);
            return this;
        }

        public EventBuilder officerExternalId(String externalId) {
            input.officerExternalId(externalId);
            return this;
        }

        public EventBuilder partnerExternalId(String externalId) {
            input.partnerExternalId(externalId);
            return this;
        }

        public EventBuilder property(String name, Object value) {
            input.putPropertiesItem(name, value);
            return this;
        }

        public EventBuilder properties(Map<String, Object> properties) {
            input.properties(properties);
            return this;
        }

        public UsageEventInput input() {
            return input;
        }
    }
}
