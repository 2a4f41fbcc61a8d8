package io.rapport.server.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Partner.class)
@RegisterConstructorMapper(PartnerUpsert.class)
public interface PartnerDao {

    @SqlQuery("""
            INSERT INTO partner (org_id, partner_id, external_id, name, company, type, email, phone, active,
                                 created_at, updated_at)
            VALUES (:orgId, :partnerId, :d.externalId, :d.name, :d.company, :d.type, :d.email, :d.phone, :d.active,
                    :now, :now)
            RETURNING *
            """)
    Partner insert(UUID orgId, UUID partnerId, @BindMethods("d") PartnerDraft draft, Instant now);

    @SqlQuery("SELECT * FROM partner WHERE org_id = :orgId AND partner_id = :partnerId")
    Optional<Partner> find(UUID orgId, UUID partnerId);

    @SqlQuery("""
            SELECT * FROM partner
            WHERE org_id = :orgId
              AND (CAST(:after AS uuid) IS NULL OR partner_id > :after)
              AND (CAST(:type AS text) IS NULL OR type = :type)
              AND (CAST(:active AS boolean) IS NULL OR active = :active)
            ORDER BY partner_id
            LIMIT :limit
            """)
    List<Partner> list(UUID orgId, UUID after, String type, Boolean active, int limit);

    @SqlQuery("""
            UPDATE partner SET external_id = :d.externalId, name = :d.name, company = :d.company, type = :d.type,
                               email = :d.email, phone = :d.phone, active = :d.active, updated_at = :now
            WHERE org_id = :orgId AND partner_id = :partnerId
            RETURNING *
            """)
    Optional<Partner> update(UUID orgId, UUID partnerId, @BindMethods("d") PartnerDraft draft, Instant now);

    @SqlQuery("""
            INSERT INTO partner (org_id, partner_id, external_id, name, company, type, email, phone, active,
                                 created_at, updated_at)
            VALUES (:orgId, :partnerId, :d.externalId, :d.name, :d.company, :d.type, :d.email, :d.phone, :d.active,
                    :now, :now)
            ON CONFLICT (org_id, external_id) DO UPDATE
               SET name = EXCLUDED.name, company = EXCLUDED.company, type = EXCLUDED.type, email = EXCLUDED.email,
                   phone = EXCLUDED.phone, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
            RETURNING *, (xmax = 0) AS inserted
            """)
    PartnerUpsert upsert(UUID orgId, UUID partnerId, @BindMethods("d") PartnerDraft draft, Instant now);
}
