package io.rapport.server.event;

import io.rapport.server.common.jdbi.PgArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The two statements every ingest request runs, as plain prepared statements on the ingest transaction's
 * connection. Both are set-based: each takes the whole batch as arrays. Through a SqlObject DAO, attaching
 * it (Jdbi copies its configuration once per DAO method on every attach) and Jdbi's per-statement binding
 * cost more CPU than these two statements' own work in the JVM; arrays are bound as literals
 * ({@link PgArrays}) because the driver escapes array elements character by character. The literals go as
 * untyped parameters ({@code Types.OTHER}), so the server reads each once, as the type the {@code CAST}
 * names: as {@code varchar}, the cast stayed in the plan and re-read the whole array for every row of
 * {@code officer} and {@code partner} scanned (ten times the statement's database time).
 */
final class IngestStatements {
    /**
     * The officers and partners a batch names, by id or external id, and the relationships that already
     * exist between the pairs its events name (each pair as its events name it: officer by id or external id,
     * partner likewise), in one round trip: most batches name known pairs, and then this is the only
     * statement before the insert. A pair named by ids needs no lookup: relationships are keyed by organization,
     * so another organization's ids find none. Equality joins only (an OR join cost three times the statement).
     */
    private static final String KNOWN = """
            WITH o AS (
                SELECT officer_id AS id, external_id, active FROM officer
                WHERE org_id = ? AND (officer_id = ANY(CAST(? AS uuid[])) OR external_id = ANY(CAST(? AS text[])))
            ), p AS (
                SELECT partner_id AS id, external_id, active FROM partner
                WHERE org_id = ? AND (partner_id = ANY(CAST(? AS uuid[])) OR external_id = ANY(CAST(? AS text[])))
            ), pair AS (
                SELECT DISTINCT coalesce(x.officer_id, oe.id) AS officer_id, coalesce(x.partner_id, pe.id) AS partner_id
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]))
                     AS x(officer_id, officer_external_id, partner_id, partner_external_id)
                LEFT JOIN o oe ON oe.external_id = x.officer_external_id
                LEFT JOIN p pe ON pe.external_id = x.partner_external_id
            )
            SELECT 'officer' AS kind, id, external_id, active, NULL::uuid AS officer_id, NULL::uuid AS partner_id FROM o
            UNION ALL
            SELECT 'partner', id, external_id, active, NULL, NULL FROM p
            UNION ALL
            SELECT 'relationship', r.relationship_id, NULL, true, r.officer_id, r.partner_id
            FROM pair JOIN relationship r
              ON r.org_id = ? AND r.officer_id = pair.officer_id AND r.partner_id = pair.partner_id
            """;

    /**
     * Stores the events whose id is new and returns those ids; the database decides, so a repeat is
     * dropped even when it arrives at the same moment on another connection. Rows go in event-id order
     * so that two batches sharing ids take their row locks in the same order and cannot deadlock.
     * Times come as epoch microseconds and the properties as one JSON array (JSON null for none).
     */
    private static final String INSERT = """
            INSERT INTO usage_event (org_id, event_id, relationship_id, officer_id, partner_id, type, occurred_at,
                                     received_at, content_id, properties)
            SELECT ?, e.event_id, e.relationship_id, e.officer_id, e.partner_id, e.type,
                   TIMESTAMPTZ 'epoch' + e.occurred_micros * INTERVAL '1 microsecond',
                   ?, e.content_id, NULLIF(p.properties, 'null'::jsonb)
            FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]),
                        CAST(? AS bigint[]), CAST(? AS uuid[]))
                 WITH ORDINALITY AS e(event_id, relationship_id, officer_id, partner_id, type, occurred_micros,
                                      content_id, n)
            JOIN jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS p(properties, n) ON p.n = e.n
            ORDER BY e.event_id
            ON CONFLICT (org_id, event_id) DO NOTHING
            RETURNING event_id
            """;

    private IngestStatements() {
    }

    /**
     * What {@link #KNOWN} finds for {@code pairs}, one event for each distinct way the batch names an officer
     * × partner pair; the ids and external ids are every distinct one the batch names.
     */
    static List<Known> known(Handle handle, UUID orgId, List<UUID> officerIds, List<String> officerExternalIds,
                             List<UUID> partnerIds, List<String> partnerExternalIds, List<EventInput> pairs) {
        try (PreparedStatement statement = handle.getConnection().prepareStatement(KNOWN)) {
            statement.setObject(1, orgId);
            statement.setObject(2, PgArrays.uuids(officerIds, Function.identity()), Types.OTHER);
            statement.setObject(3, PgArrays.texts(officerExternalIds, Function.identity()), Types.OTHER);
            statement.setObject(4, orgId);
            statement.setObject(5, PgArrays.uuids(partnerIds, Function.identity()), Types.OTHER);
            statement.setObject(6, PgArrays.texts(partnerExternalIds, Function.identity()), Types.OTHER);
            statement.setObject(7, PgArrays.uuids(pairs, EventInput::officerId), Types.OTHER);
            statement.setObject(8, PgArrays.texts(pairs, EventInput::officerExternalId), Types.OTHER);
            statement.setObject(9, PgArrays.uuids(pairs, EventInput::partnerId), Types.OTHER);
            statement.setObject(10, PgArrays.texts(pairs, EventInput::partnerExternalId), Types.OTHER);
            statement.setObject(11, orgId);
            List<Known> known = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    known.add(new Known(rows.getString(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getBoolean(4), rows.getObject(5, UUID.class), rows.getObject(6, UUID.class)));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("Resolving a batch's officers, partners and relationships failed", e);
        }
    }

    /** The ids of the events stored; {@code relationshipIds} and {@code occurredMicros} go by position. */
    static List<UUID> insert(Handle handle, UUID orgId, Instant receivedAt, List<ResolvedEvent> events,
                             List<UUID> relationshipIds, long[] occurredMicros, String propertiesArray) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, orgId);
            statement.setObject(2, receivedAt.atOffset(ZoneOffset.UTC));
            statement.setObject(3, PgArrays.uuids(events, ResolvedEvent::eventId), Types.OTHER);
            statement.setObject(4, PgArrays.uuids(relationshipIds, Function.identity()), Types.OTHER);
            statement.setObject(5, PgArrays.uuids(events, ResolvedEvent::officerId), Types.OTHER);
            statement.setObject(6, PgArrays.uuids(events, ResolvedEvent::partnerId), Types.OTHER);
            statement.setObject(7, PgArrays.texts(events, ResolvedEvent::type), Types.OTHER);
            statement.setObject(8, PgArrays.longs(occurredMicros), Types.OTHER);
            statement.setObject(9, PgArrays.uuids(events, ResolvedEvent::contentId), Types.OTHER);
            statement.setObject(10, propertiesArray, Types.OTHER);
            List<UUID> stored = new ArrayList<>(events.size());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a batch of events failed", e);
        }
    }
}
