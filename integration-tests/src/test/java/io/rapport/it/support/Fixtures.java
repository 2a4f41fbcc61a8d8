package io.rapport.it.support;

import io.rapport.sdk.EventTypes;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.BranchInput;
import io.rapport.sdk.model.ContentAudience;
import io.rapport.sdk.model.ContentInput;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
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
            input = new UsageEventInput().eventId(UUID.randomUUID()).type(EventTypes.APP_OPENED)
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

    public static ContentBuilder aContentItem() {
        return new ContentBuilder();
    }

    /** An article by default; {@code calculator()} gives a payment calculator with its defaults. */
    public static final class ContentBuilder {
        private final ContentInput input = new ContentInput()
                .kind(ContentKind.ARTICLE)
                .title("Article " + SEQUENCE.incrementAndGet())
                .summary("Five things to know before you list")
                .body("Rates, timing and staging.")
                .url("https://blog.example.com/post-" + SEQUENCE.get());

        public ContentBuilder kind(ContentKind kind) {
            input.kind(kind);
            return this;
        }

        public ContentBuilder title(String title) {
            input.title(title);
            return this;
        }

        public ContentBuilder calculator() {
            input.kind(ContentKind.CALCULATOR).url(null)
                    .parameters(Map.of("type", "payment", "ratePercent", 6.5, "termYears", 30, "downPaymentPercent", 20));
            return this;
        }

        public ContentBuilder tags(String... tags) {
            input.tags(new LinkedHashSet<>(List.of(tags)));
            return this;
        }

        public ContentBuilder audience(ContentAudience audience) {
            input.audience(audience);
            return this;
        }

        public ContentBuilder window(OffsetDateTime publishAt, OffsetDateTime expireAt) {
            input.publishAt(publishAt).expireAt(expireAt);
            return this;
        }

        public ContentInput input() {
            return input;
        }

        public ContentItem create(RapportClient client) {
            return client.content().create(input);
        }

        /** Created and published at once. */
        public ContentItem publish(RapportClient client) {
            ContentItem draft = create(client);
            return client.content().publish(draft.getId(), draft.getVersion());
        }
    }
}
