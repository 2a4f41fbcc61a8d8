package io.rapport.it.privacy;

import static io.rapport.it.support.Fixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestImages;
import io.rapport.sdk.AuditQuery;
import io.rapport.sdk.EventTypes;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ExportedRelationship;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerExport;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.UsageEventInput;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnerExportIT {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final int LONG_HISTORY = Integer.getInteger("rapport.it.exportEvents", 100_000);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("webhooks.pollInterval", "1h").with("scoring.sweepInterval", "1h");

    @Test
    void export_holdsEverythingKeptAboutThePartner_andNothingAboutOthers() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);

        PartnerExport export = client.privacy().export(h.partner().getId());

        assertThat(export.getPartner().getEmail()).isEqualTo(h.partner().getEmail());
        assertThat(export.getPartner().getExternalId()).isEqualTo(h.partner().getExternalId());
        assertThat(export.getLogo().getData()).isEqualTo(TestImages.png(40, 20));
        assertThat(export.getLogo().getContentType()).isEqualTo("image/png");
        assertThat(export.getRelationships()).hasSize(2).extracting(ExportedRelationship::getOfficerId)
                .containsExactlyInAnyOrder(h.officer().getId(), h.otherOfficer().getId());
        assertThat(export.getRelationships()).allSatisfy(r -> {
            assertThat(r.getScore()).isNotNull();
            assertThat(r.getScore().getTypeRaws()).containsKey("referral_sent");
        });
        assertThat(export.getAppInstalls()).singleElement()
                .satisfies(i -> assertThat(i.getId()).isEqualTo(h.install().getAppInstall().getId()));
        assertThat(export.getEvents()).hasSize(2 * (20 * 2 + 4 * 2 + 4))
                .allSatisfy(e -> assertThat(e.getPartnerId()).isEqualTo(h.partner().getId()));
        assertThat(export.getEvents()).extracting(e -> e.getOccurredAt().toInstant())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(export.getFeedback()).hasSize(2).allSatisfy(f -> {
            assertThat(f.getRating()).isEqualTo(4);
            assertThat(f.getComment()).isEqualTo(h.comment());
        });
        assertThat(export.getScoreChanges()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getPartnerId()).isEqualTo(h.partner().getId()));
        assertThat(export.getWebhookDeliveries()).isNotEmpty().allSatisfy(d ->
                assertThat(d.getPayload().toString()).contains(h.partner().getId().toString()));
        assertThat(export.toString()).doesNotContain(h.control().getId().toString(), h.control().getName());
        assertThat(client.audit().all(AuditQuery.builder().action("partner.exported").build()).toList()).singleElement()
                .satisfies(e -> assertThat(e.getTargetId()).isEqualTo(h.partner().getId().toString()));
    }

    @Test
    void export_needsAdmin_andAnotherOrganizationsPartnerIsNotFound() {
        RapportClient client = SERVER.newOrg().client();
        PartnerHistory h = PartnerHistory.create(client, NOW);

        assertThatThrownBy(() -> SERVER.newOrg().client().privacy().export(h.partner().getId()))
                .isInstanceOf(NotFoundException.class);
        RapportClient writer = SERVER.newOrg(Scope.PARTNERS_WRITE, Scope.PARTNERS_READ).client();
        assertThatThrownBy(() -> writer.privacy().exportStream(h.partner().getId())).isInstanceOf(PermissionException.class);
    }

    /**
     * A partner with 100,000 events: the server must write the document as it reads it. Once the first bytes of the
     * events have arrived, and while the test reads no further, the server's cursor over the events must still be
     * open (it has not read them all first) and the shared JVM's heap must not have grown by anything like the
     * document's size (about 30 MB); then the whole document parses, every event in it.
     */
    @Test
    void exportOfAPartnerWith100000Events_isStreamedInBoundedMemory() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = io.rapport.it.support.Fixtures.anOfficer().create(client);
        Partner partner = io.rapport.it.support.Fixtures.aPartner().create(client);
        for (int sent = 0; sent < LONG_HISTORY; sent += 500) {
            List<UsageEventInput> batch = new ArrayList<>(500);
            for (int i = sent; i < Math.min(sent + 500, LONG_HISTORY); i++) {
                batch.add(anEvent(NOW.minus(Duration.ofMinutes(i + 1))).type(EventTypes.PROFILE_VIEWED)
                        .pair(officer, partner).input());
            }
            assertThat(client.events().send(batch).getAccepted()).isEqualTo(batch.size());
        }
        long baseline = usedHeapAfterGc();

        try (InputStream body = client.privacy().exportStream(partner.getId())) {
            byte[] first = body.readNBytes(256 * 1024);
            long during = usedHeapAfterGc();
            boolean cursorOpen = exportCursorOpen();
            System.out.printf("[export] %d events: heap %+.1f MB after the first %d KiB; export query still open: %s%n",
                    LONG_HISTORY, (during - baseline) / 1048576.0, first.length / 1024, cursorOpen);

            assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("\"events\":[");
            assertThat(cursorOpen).as("the server is still reading the events while the client waits").isTrue();
            assertThat(during - baseline).as("heap growth while the export is in flight").isLessThan(16L << 20);
            long events = countEvents(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), body));
            assertThat(events).isEqualTo(LONG_HISTORY);
        }
    }

    /** Events in the streamed document, counted with a streaming parser (the test holds no more than the server). */
    private static long countEvents(InputStream in) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            long events = 0;
            int depth = 0;
            boolean inEvents = false;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && depth == 1 && "events".equals(parser.currentName())) {
                    inEvents = true;
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (inEvents && depth == 3 && t == JsonToken.START_OBJECT) {
                        events++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inEvents = false;
                    }
                }
            }
            return events;
        }
    }

    private static boolean exportCursorOpen() throws Exception {
        var db = SERVER.database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
                       AND query LIKE '%PartnerExport.events%'
                     """);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1) == 1;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
