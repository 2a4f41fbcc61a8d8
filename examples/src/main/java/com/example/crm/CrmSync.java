package com.example.crm;

import io.rapport.sdk.ChangeFeedPoller;
import io.rapport.sdk.CursorStore;
import io.rapport.sdk.EventCallback;
import io.rapport.sdk.EventTracker;
import io.rapport.sdk.EventTypes;
import io.rapport.sdk.RankedPartnersQuery;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.RapportException;
import io.rapport.sdk.RapportResponse;
import io.rapport.sdk.RequestOptions;
import io.rapport.sdk.TrackerOptions;
import io.rapport.sdk.model.NextStepCode;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A CRM's sync with Rapport, end to end: push the CRM's officers and partners (upsert by the CRM's own ids),
 * record what happens in the CRM as usage events, show an officer's partners most interested first, and
 * pull the changes of tiers and stages from where the last run stopped.
 *
 * <p>Run with {@code RAPPORT_URL} and {@code RAPPORT_KEY} set (a key with the partners, events and scores
 * scopes).
 */
public final class CrmSync {
    private final RapportClient rapport;
    private final Queue<UsageEventInput> retryLater = new ConcurrentLinkedQueue<>();

    CrmSync(RapportClient rapport) {
        this.rapport = rapport;
    }

    public static void main(String[] args) {
        try (RapportClient rapport = RapportClient.builder()
                .baseUrl(System.getenv("RAPPORT_URL"))
                .apiKey(System.getenv("RAPPORT_KEY"))
                .applicationName("acme-crm")
                .build()) {
            CrmSync sync = new CrmSync(rapport);
            Officer officer = sync.upsertOfficer("crm-user-7", "Jordan Avery");
            Partner partner = sync.upsertPartner("crm-contact-42", "Dana Brooks");
            sync.recordMeeting(officer, partner);
            sync.printMorningList(officer);
            sync.pollChanges(new InMemoryCursorStore());
        }
    }

    /** Upserts are idempotent by the CRM's id: run the sync as often as you like. */
    Officer upsertOfficer(String crmUserId, String name) {
        return rapport.officers().upsertByExternalId(crmUserId, new OfficerInput().displayName(name));
    }

    /** The request id of the answer is worth logging beside the CRM's own record. */
    Partner upsertPartner(String crmContactId, String name) {
        RapportResponse<Partner> answer = rapport.withResponse(() -> rapport.partners().upsertByExternalId(crmContactId,
                new PartnerInput().name(name).type(PartnerType.REALTOR)));
        System.out.println("partner " + crmContactId + " synced, request " + answer.metadata().requestId().orElse("-"));
        return answer.value();
    }

    /**
     * Usage events go through a tracker: it batches, retries and tells the fate of each event. A failure that
     * may pass (rate limit, timeout, server down) is kept to be tracked again later; a rejection is logged.
     */
    void recordMeeting(Officer officer, Partner partner) {
        EventCallback callback = new EventCallback() {
            @Override
            public void onRejected(UsageEventInput event, String code, String message) {
                System.err.println("Rapport refused event " + event.getEventId() + ": " + code + " " + message);
            }

            @Override
            public void onFailed(UsageEventInput event, RapportException cause) {
                retryLater.add(event); // same eventId when tracked again: Rapport stores it once
            }
        };
        try (EventTracker tracker = rapport.tracker(TrackerOptions.builder().callback(callback)
                .closeTimeout(Duration.ofSeconds(10)).build())) {
            tracker.track(new UsageEventInput().type(EventTypes.MEETING_LOGGED)
                    .officerId(officer.getId()).partnerId(partner.getId()));
        }
    }

    /** The officer's hot partners, then every engaged one, page after page. */
    void printMorningList(Officer officer) {
        List<ScoredPartner> hot = rapport.scores().rankedPartners(officer.getId(),
                RankedPartnersQuery.builder().tier(Tier.HOT).limit(10).build()).getItems();
        hot.forEach(p -> System.out.println(p.getPartnerName() + " " + p.getScore() + " -> " + describe(p.getNextStep().getCode())));
        rapport.scores().allRankedPartners(officer.getId(), RankedPartnersQuery.builder().tier(Tier.ENGAGED).build())
                .forEach(p -> System.out.println(p.getPartnerName() + " " + p.getScore()));
    }

    /** A newer server may answer codes this SDK does not know yet: they read as UNKNOWN_DEFAULT_OPEN_API. */
    static String describe(NextStepCode code) {
        if (code == null || code == NextStepCode.UNKNOWN_DEFAULT_OPEN_API) {
            return "see the reason";
        }
        return code.getValue();
    }

    /** Pulls every change since the last run; the cursor is saved only after each page was applied. */
    int pollChanges(CursorStore store) {
        ChangeFeedPoller poller = rapport.scores().changePoller(store);
        return poller.poll(changes -> changes.forEach(CrmSync::apply));
    }

    /** A caller's own idempotency key makes a create safe to repeat across process restarts. */
    Partner createOnce(String crmContactId, String version, PartnerInput input) {
        return rapport.withOptions(RequestOptions.builder()
                .idempotencyKey("partner-" + crmContactId + "-" + version)
                .timeout(Duration.ofSeconds(10))
                .build()).partners().create(input);
    }

    private static void apply(ScoreChange change) {
        System.out.println(change.getPartnerId() + " " + change.getKind() + " " + change.getFrom() + " -> " + change.getTo());
    }

    /** In a real CRM: a row in its own database, written in the transaction that applied the changes. */
    static final class InMemoryCursorStore implements CursorStore {
        private String cursor;

        @Override
        public String load() {
            return cursor;
        }

        @Override
        public void save(String next) {
            cursor = next;
        }
    }
}
