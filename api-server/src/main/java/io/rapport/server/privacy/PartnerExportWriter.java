package io.rapport.server.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.partner.Partner;
import io.rapport.server.partner.PartnerResource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Writes one partner's export as it reads it: every list is read through a database cursor (a fetch size inside
 * a read-only transaction) and each row is written to the response before the next is fetched, so the server
 * holds one page of rows whatever the history's length. One REPEATABLE READ snapshot makes the document
 * consistent across its parts. Properties and payloads are copied as the JSON text they are stored as.
 */
final class PartnerExportWriter {
    static final int FETCH_SIZE = 500;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;
    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    PartnerExportWriter(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    void write(UUID orgId, Partner partner, Instant exportedAt, OutputStream out) throws IOException {
        jdbi.<IOException>useTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                handle -> writeDocument(handle, orgId, partner, exportedAt, out));
    }

    private void writeDocument(Handle handle, UUID orgId, Partner partner, Instant exportedAt, OutputStream out)
            throws IOException {
        UUID partnerId = partner.partnerId();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("exportedAt", RFC3339.format(exportedAt));
            json.writeFieldName("partner");
            json.writeObject(PartnerResource.toDto(partner));
            logo(handle, orgId, partnerId, json);
            json.writeArrayFieldStart("relationships");
            stream(handle, ExportQueries.RELATIONSHIPS, orgId, partnerId, row -> relationship(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("appInstalls");
            stream(handle, ExportQueries.INSTALLS, orgId, partnerId, row -> install(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("scoreChanges");
            stream(handle, ExportQueries.SCORE_CHANGES, orgId, partnerId, row -> scoreChange(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("webhookDeliveries");
            stream(handle, ExportQueries.DELIVERIES, orgId, partnerId, row -> delivery(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("feedback");
            stream(handle, ExportQueries.FEEDBACK, orgId, partnerId, row -> feedback(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("events");
            stream(handle, ExportQueries.EVENTS, orgId, partnerId, row -> event(row, json));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    /** Each row is written as it is fetched; nothing is collected. */
    private static void stream(Handle handle, String sql, UUID orgId, UUID partnerId, RowWriter writer) {
        handle.createQuery(sql)
                .bind("orgId", orgId)
                .bind("partnerId", partnerId)
                .setFetchSize(FETCH_SIZE)
                .map((row, ctx) -> {
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                })
                .forEach(written -> {
                });
    }

    private static void logo(Handle handle, UUID orgId, UUID partnerId, JsonGenerator json) throws IOException {
        var logo = handle.createQuery(ExportQueries.LOGO).bind("orgId", orgId).bind("partnerId", partnerId)
                .mapToMap().findOne();
        if (logo.isEmpty()) {
            return;
        }
        var l = logo.get();
        json.writeObjectFieldStart("logo");
        json.writeStringField("contentType", (String) l.get("content_type"));
        json.writeNumberField("width", (Integer) l.get("width"));
        json.writeNumberField("height", (Integer) l.get("height"));
        json.writeNumberField("sizeBytes", (Integer) l.get("size_bytes"));
        json.writeStringField("etag", (String) l.get("etag"));
        json.writeFieldName("data");
        json.writeBinary((byte[]) l.get("bytes"));
        json.writeEndObject();
    }

    private static void relationship(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("relationshipId", row.getString("relationship_id"));
        json.writeStringField("officerId", row.getString("officer_id"));
        time(json, "createdAt", row, "created_at");
        if (row.getString("tier") != null) {
            json.writeObjectFieldStart("score");
            json.writeNumberField("raw", row.getDouble("raw"));
            time(json, "refTime", row, "ref_time");
            json.writeStringField("tier", row.getString("tier"));
            json.writeStringField("stage", row.getString("stage"));
            time(json, "lastActivityAt", row, "last_activity_at");
            time(json, "lastMeetingAt", row, "last_meeting_at");
            time(json, "lastFeedbackAt", row, "last_feedback_at");
            time(json, "lastReferralAt", row, "last_referral_at");
            raw(json, "typeRaws", row.getString("type_raws"));
            json.writeNumberField("modelVersion", row.getInt("model_version"));
            time(json, "updatedAt", row, "updated_at");
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void install(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("id", row.getString("install_id"));
        json.writeStringField("relationshipId", row.getString("relationship_id"));
        json.writeStringField("officerId", row.getString("officer_id"));
        json.writeStringField("partnerId", row.getString("partner_id"));
        text(json, "platform", row.getString("platform"));
        json.writeStringField("status", row.getString("status"));
        json.writeStringField("prefix", row.getString("prefix"));
        time(json, "createdAt", row, "created_at");
        time(json, "uninstalledAt", row, "uninstalled_at");
        time(json, "revokedAt", row, "revoked_at");
        time(json, "expiresAt", row, "expires_at");
        json.writeEndObject();
    }

    private static void scoreChange(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("id", row.getString("seq"));
        json.writeStringField("relationshipId", row.getString("relationship_id"));
        json.writeStringField("officerId", row.getString("officer_id"));
        json.writeStringField("partnerId", row.getString("partner_id"));
        json.writeStringField("kind", row.getString("kind"));
        text(json, "from", row.getString("from_value"));
        json.writeStringField("to", row.getString("to_value"));
        json.writeNumberField("score", row.getInt("score"));
        json.writeStringField("cause", row.getString("cause"));
        time(json, "changedAt", row, "changed_at");
        json.writeEndObject();
    }

    private static void delivery(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("deliveryId", row.getString("delivery_id"));
        json.writeStringField("subscriptionId", row.getString("subscription_id"));
        json.writeStringField("eventType", row.getString("event_type"));
        json.writeStringField("status", row.getString("status"));
        time(json, "createdAt", row, "created_at");
        raw(json, "payload", row.getString("payload"));
        json.writeEndObject();
    }

    private static void feedback(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("eventId", row.getString("event_id"));
        json.writeStringField("relationshipId", row.getString("relationship_id"));
        time(json, "occurredAt", row, "occurred_at");
        int rating = row.getInt("rating");
        if (!row.wasNull()) {
            json.writeNumberField("rating", rating);
        }
        text(json, "comment", row.getString("comment"));
        json.writeEndObject();
    }

    private static void event(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("eventId", row.getString("event_id"));
        json.writeStringField("relationshipId", row.getString("relationship_id"));
        json.writeStringField("officerId", row.getString("officer_id"));
        json.writeStringField("partnerId", row.getString("partner_id"));
        json.writeStringField("type", row.getString("type"));
        time(json, "occurredAt", row, "occurred_at");
        time(json, "receivedAt", row, "received_at");
        text(json, "contentId", row.getString("content_id"));
        raw(json, "properties", row.getString("properties"));
        json.writeEndObject();
    }

    private static void time(JsonGenerator json, String field, ResultSet row, String column) throws SQLException, IOException {
        Timestamp at = row.getTimestamp(column);
        if (at != null) {
            json.writeStringField(field, RFC3339.format(at.toInstant()));
        }
    }

    private static void text(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void raw(JsonGenerator json, String field, String jsonText) throws IOException {
        if (jsonText != null) {
            json.writeFieldName(field);
            json.writeRawValue(jsonText);
        }
    }
}
