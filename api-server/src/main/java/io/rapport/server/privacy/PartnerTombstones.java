package io.rapport.server.privacy;

import io.rapport.server.common.auth.Secrets;
import io.rapport.server.event.EventInput;
import io.rapport.server.event.EventRejection;
import io.rapport.server.event.MissingPartners;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Late events for an erased partner: a {@code partner_not_found} rejection whose partner id, or external id
 * (compared by SHA-256, the only form the tombstone keeps), is tombstoned becomes {@code partner_erased}.
 * One query per batch, and only for batches that named a partner the ingest did not find.
 */
public class PartnerTombstones implements MissingPartners {
    public static final String CODE = "partner_erased";
    /** Purpose: which of a batch's unknown partner ids and external-id hashes belong to erased partners. */
    private static final String ERASED = """
            /* PartnerTombstones.explain */
            SELECT CAST(partner_id AS text) FROM partner_tombstone
            WHERE org_id = :orgId AND partner_id = ANY(:ids)
            UNION ALL
            SELECT encode(external_id_hash, 'hex') FROM partner_tombstone
            WHERE org_id = :orgId AND external_id_hash IN (SELECT decode(h, 'hex') FROM unnest(CAST(:hashes AS text[])) h)
            """;

    @Override
    public void explain(Handle handle, UUID orgId, List<EventInput> events, List<EventRejection> rejected) {
        Map<Integer, EventInput> byIndex = new HashMap<>();
        events.forEach(e -> byIndex.put(e.index(), e));
        Set<UUID> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (EventRejection r : rejected) {
            EventInput e = NOT_FOUND.equals(r.code()) ? byIndex.get(r.index()) : null;
            if (e != null && e.partnerId() != null) {
                ids.add(e.partnerId());
            } else if (e != null && e.partnerExternalId() != null) {
                hashes.add(hash(e.partnerExternalId()));
            }
        }
        if (ids.isEmpty() && hashes.isEmpty()) {
            return;
        }
        Set<String> erased = new HashSet<>(handle.createQuery(ERASED)
                .bind("orgId", orgId)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("hashes", hashes.toArray(String[]::new))
                .mapTo(String.class).list());
        if (erased.isEmpty()) {
            return;
        }
        rejected.replaceAll(r -> {
            EventInput e = NOT_FOUND.equals(r.code()) ? byIndex.get(r.index()) : null;
            if (e == null) {
                return r;
            }
            String key = e.partnerId() != null ? e.partnerId().toString() : hash(e.partnerExternalId());
            return erased.contains(key) ? new EventRejection(r.index(), r.eventId(), CODE, r.field(),
                    "names a partner whose data was erased; events for them are no longer accepted") : r;
        });
    }

    private static String hash(String externalId) {
        return HexFormat.of().formatHex(Secrets.sha256(externalId));
    }
}
