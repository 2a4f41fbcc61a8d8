package io.rapport.server.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;

/** One export row, as read by its {@link ExportQueries} statement, written as the contract's object for it. */
final class ExportRows {
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

    private ExportRows() {
    }

    static void relationship(ResultSet row, JsonGenerator json) throws SQLException, IOException {
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

    static void install(ResultSet row, JsonGenerator json) throws SQLException, IOException {
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

    static void scoreChange(ResultSet row, JsonGenerator json) throws SQLException, IOException {
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

    static void delivery(ResultSet row, JsonGenerator json) throws SQLException, IOException {
        json.writeStartObject();
        json.writeStringField("deliveryId", row.getString("delivery_id"));
        json.writeStringField("subscriptionId", row.getString("subscription_id"));
        json.writeStringField("eventType", row.getString("event_type"));
        json.writeStringField("status", row.getString("status"));
        time(json, "createdAt", row, "created_at");
        raw(json, "payload", row.getString("payload"));
        json.writeEndObject();
    }

    static void feedback(ResultSet row, JsonGenerator json) throws SQLException, IOException {
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

    static void event(ResultSet row, JsonGenerator json) throws SQLException, IOException {
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
