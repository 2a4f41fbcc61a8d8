package io.rapport.server.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.RapportApplication;
import io.rapport.server.apikey.ApiKeyService;
import io.rapport.server.branch.Branch;
import io.rapport.server.branch.BranchService;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.content.Audience;
import io.rapport.server.content.ContentDraft;
import io.rapport.server.content.ContentItem;
import io.rapport.server.content.ContentService;
import io.rapport.server.demo.PlannedEvent.ContentRef;
import io.rapport.server.event.EventIngestService;
import io.rapport.server.event.EventInput;
import io.rapport.server.event.IngestResult;
import io.rapport.server.event.RelationshipRegistry;
import io.rapport.server.event.Sender;
import io.rapport.server.embed.EmbedService;
import io.rapport.server.install.AppInstallService;
import io.rapport.server.install.InstallLinks;
import io.rapport.server.install.IssuedInstall;
import io.rapport.server.officer.OfficerDraft;
import io.rapport.server.officer.OfficerService;
import io.rapport.server.org.Organization;
import io.rapport.server.org.OrganizationService;
import io.rapport.server.partner.PartnerDraft;
import io.rapport.server.partner.PartnerService;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.write.ScoreSweeper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates the demo organization through the product's own services and replays its weeks day by day:
 * each day's events go through the real ingest (so scores are computed as in production), with the
 * services' clock set to that day, and the score sweep runs after each day as it would have.
 */
final class DemoSeeder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final SteppingClock clock;
    private final Instant now;
    private final EventIngestService ingest;
    private final ScoreSweeper sweeper;

    DemoSeeder(Jdbi jdbi, Instant now) {
        this.jdbi = jdbi;
        this.now = now;
        this.clock = new SteppingClock(dayStart(DemoActivity.DAYS - 1));
        // Exactly the pipeline POST /v1/events uses.
        this.ingest = RapportApplication.eventIngest(jdbi, clock, new RelationshipRegistry(clock));
        this.sweeper = new ScoreSweeper(jdbi, clock, new ScoringModels(), RapportApplication.scoreChangeLog(),
                Duration.ofHours(1));
    }

    DemoData seed(long seed) {
        Organization org = new OrganizationService(jdbi, clock).create(DemoCast.ORGANIZATION);
        UUID orgId = org.orgId();
        Branch branch = new BranchService(jdbi, clock).create(orgId, DemoCast.BRANCH, DemoCast.REGION);
        List<DemoData.Person> officers = officers(orgId, branch.branchId());
        List<DemoData.Person> partners = partners(orgId);
        Map<ContentRef, UUID> content = content(orgId);
        String apiKey = new ApiKeyService(jdbi, clock).issue(orgId, "demo", List.of("admin"), null).secret();
        DemoCast.Link installed = DemoCast.LINKS.get(0);
        AppInstallService installs = new AppInstallService(jdbi, clock, new RelationshipRegistry(clock),
                new InstallLinks(jdbi, clock));
        IssuedInstall install = installs
                .register(orgId, officers.get(installed.officer()).id(), partners.get(installed.partner()).id(), "ios");

        DemoActivity activity = new DemoActivity(seed, now);
        int sent = 0;
        int stored = 0;
        for (int daysBack = DemoActivity.DAYS - 1; daysBack >= 0; daysBack--) {
            List<PlannedEvent> day = activity.day(daysBack);
            clock.set(daysBack == 0 ? now : dayStart(daysBack).plus(Duration.ofHours(23)));
            for (Map.Entry<Sender, List<EventInput>> batch : batches(orgId, day, officers, partners, content).entrySet()) {
                IngestResult result = ingest.ingest(batch.getKey(), null, batch.getValue());
                if (!result.rejected().isEmpty()) {
                    throw new IllegalStateException("The demo sent an event the server refused: " + result.rejected());
                }
                sent += batch.getValue().size();
                stored += result.accepted();
            }
            sweeper.sweep();
        }
        // Both made at the end of the replay (now): the install's own link was made six weeks ago and has expired.
        String installLink = installs.newLink(orgId, install.install().installId()).path();
        String scoreCard = new EmbedService(jdbi, clock).mint(orgId, officers.get(0).id(), Duration.ofHours(12)).path();
        return new DemoData(seed, now, orgId, org.name(), officers, partners, apiKey, install.token(), sent, stored,
                installLink, scoreCard);
    }

    private List<DemoData.Person> officers(UUID orgId, UUID branchId) {
        OfficerService service = new OfficerService(jdbi, clock);
        List<DemoData.Person> people = new ArrayList<>();
        for (DemoCast.OfficerPart o : DemoCast.OFFICERS) {
            String email = o.externalId().substring("demo-lo-".length()) + "@harbor-lending.example";
            UUID id = service.create(orgId, new OfficerDraft(o.externalId(), branchId, o.name(), o.title(), o.nmls(),
                    "+1 206 555 01" + (10 + people.size()), email, null, null, null, true)).officerId();
            people.add(new DemoData.Person(id, o.name(), null));
        }
        return List.copyOf(people);
    }

    private List<DemoData.Person> partners(UUID orgId) {
        PartnerService service = new PartnerService(jdbi, clock);
        List<DemoData.Person> people = new ArrayList<>();
        for (DemoCast.PartnerPart p : DemoCast.PARTNERS) {
            UUID id = service.create(orgId, new PartnerDraft(p.externalId(), p.name(), p.company(), p.type(), null, null,
                    true)).partnerId();
            people.add(new DemoData.Person(id, p.name(), p.type()));
        }
        return List.copyOf(people);
    }

    /** Three published items the app shows, so views and calculator uses name real content. */
    private Map<ContentRef, UUID> content(UUID orgId) {
        ContentService service = new ContentService(jdbi, clock);
        Map<ContentRef, UUID> ids = new EnumMap<>(ContentRef.class);
        ids.put(ContentRef.MARKET_REPORT, published(service, orgId, new ContentDraft("market_report",
                "Seattle market this month", "Prices, inventory and days on market in two minutes.", null,
                "https://harbor-lending.example/market", null, null, null, null, Audience.EVERYONE, List.of("market"))));
        ids.put(ContentRef.FIRST_TIME_BUYER_GUIDE, published(service, orgId, new ContentDraft("checklist",
                "First-time buyer checklist", "What your clients need before they make an offer.",
                "1. Pre-approval. 2. Down payment. 3. Inspection budget.", null, null, null, null, null,
                Audience.EVERYONE, List.of("buyers"))));
        ids.put(ContentRef.PAYMENT_CALCULATOR, published(service, orgId, new ContentDraft("calculator",
                "Monthly payment calculator", "Principal, interest, taxes and insurance.", null, null, null,
                "{\"rate\":6.5,\"termYears\":30,\"downPaymentPercent\":20}", null, null, Audience.EVERYONE,
                List.of("tools"))));
        return ids;
    }

    private static UUID published(ContentService service, UUID orgId, ContentDraft draft) {
        ContentItem item = service.create(orgId, draft);
        return service.publish(orgId, item.contentId(), EntityTags.ofVersion(item.version())).contentId();
    }

    /** The installed pair's app events come with its install token, as the app sends them; the rest with the org key. */
    private Map<Sender, List<EventInput>> batches(UUID orgId, List<PlannedEvent> day, List<DemoData.Person> officers,
                                                  List<DemoData.Person> partners, Map<ContentRef, UUID> content) {
        Map<Sender, List<EventInput>> batches = new LinkedHashMap<>();
        for (PlannedEvent e : day) {
            DemoCast.Link link = DemoCast.LINKS.get(e.link());
            UUID officerId = officers.get(link.officer()).id();
            UUID partnerId = partners.get(link.partner()).id();
            boolean fromApp = e.link() == 0 && !e.type().equals("meeting_logged") && !e.type().equals("referral_sent");
            Sender sender = fromApp ? new Sender(orgId, officerId, partnerId) : Sender.organization(orgId);
            List<EventInput> batch = batches.computeIfAbsent(sender, s -> new ArrayList<>());
            String properties = json(e.properties());
            UUID contentId = e.content() == null ? null : content.get(e.content());
            batch.add(new EventInput(batch.size(), e.eventId(), e.type(), e.occurredAt(), officerId, null, partnerId, null,
                    contentId, e.properties(), properties, sizeOf(e, officerId, partnerId, contentId)));
        }
        return batches;
    }

    /** The event's size as the JSON a client would send, which the ingest rules bound. */
    private static int sizeOf(PlannedEvent e, UUID officerId, UUID partnerId, UUID contentId) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("eventId", e.eventId());
        wire.put("type", e.type());
        wire.put("occurredAt", e.occurredAt().toString());
        wire.put("officerId", officerId);
        wire.put("partnerId", partnerId);
        if (contentId != null) {
            wire.put("contentId", contentId);
        }
        if (e.properties() != null) {
            wire.put("properties", e.properties());
        }
        return json(wire).length();
    }

    private static String json(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant dayStart(int daysBack) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(daysBack).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
