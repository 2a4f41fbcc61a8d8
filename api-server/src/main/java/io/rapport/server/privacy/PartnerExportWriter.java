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
import java.time.Instant;
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
            json.writeStringField("exportedAt", ExportRows.RFC3339.format(exportedAt));
            json.writeFieldName("partner");
            json.writeObject(PartnerResource.toDto(partner));
            logo(handle, orgId, partnerId, json);
            json.writeArrayFieldStart("relationships");
            stream(handle, ExportQueries.RELATIONSHIPS, orgId, partnerId, row -> ExportRows.relationship(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("appInstalls");
            stream(handle, ExportQueries.INSTALLS, orgId, partnerId, row -> ExportRows.install(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("scoreChanges");
            stream(handle, ExportQueries.SCORE_CHANGES, orgId, partnerId, row -> ExportRows.scoreChange(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("webhookDeliveries");
            stream(handle, ExportQueries.DELIVERIES, orgId, partnerId, row -> ExportRows.delivery(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("feedback");
            stream(handle, ExportQueries.FEEDBACK, orgId, partnerId, row -> ExportRows.feedback(row, json));
            json.writeEndArray();
            json.writeArrayFieldStart("events");
            stream(handle, ExportQueries.EVENTS, orgId, partnerId, row -> ExportRows.event(row, json));
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
}
