package io.rapport.server.officer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterColumnMapper(SocialLinksColumn.class)
@RegisterConstructorMapper(Officer.class)
@RegisterConstructorMapper(OfficerUpsert.class)
public interface OfficerDao {

    @SqlQuery("""
            INSERT INTO officer (org_id, officer_id, external_id, branch_id, display_name, title, nmls_id, phone, email,
                                 bio, social_links, brand_primary, brand_secondary, brand_accent, active,
                                 created_at, updated_at)
            VALUES (:orgId, :officerId, :d.externalId, :d.branchId, :d.displayName, :d.title, :d.nmlsId, :d.phone,
                    :d.email, :d.bio, CAST(:d.socialLinksJson AS jsonb), :d.brandPrimary, :d.brandSecondary,
                    :d.brandAccent, :d.active, :now, :now)
            RETURNING *
            """)
    Officer insert(UUID orgId, UUID officerId, @BindMethods("d") OfficerDraft draft, Instant now);

    @SqlQuery("SELECT * FROM officer WHERE org_id = :orgId AND officer_id = :officerId")
    Optional<Officer> find(UUID orgId, UUID officerId);

    @SqlQuery("""
            SELECT * FROM officer
            WHERE org_id = :orgId
              AND (CAST(:after AS uuid) IS NULL OR officer_id > :after)
              AND (CAST(:branchId AS uuid) IS NULL OR branch_id = :branchId)
              AND (CAST(:active AS boolean) IS NULL OR active = :active)
            ORDER BY officer_id
            LIMIT :limit
            """)
    List<Officer> list(UUID orgId, UUID after, UUID branchId, Boolean active, int limit);

    @SqlQuery("""
            UPDATE officer SET external_id = :d.externalId, branch_id = :d.branchId, display_name = :d.displayName,
                               title = :d.title, nmls_id = :d.nmlsId, phone = :d.phone, email = :d.email,
                               bio = :d.bio, social_links = CAST(:d.socialLinksJson AS jsonb),
                               brand_primary = :d.brandPrimary, brand_secondary = :d.brandSecondary,
                               brand_accent = :d.brandAccent, active = :d.active, updated_at = :now
            WHERE org_id = :orgId AND officer_id = :officerId
            RETURNING *
            """)
    Optional<Officer> update(UUID orgId, UUID officerId, @BindMethods("d") OfficerDraft draft, Instant now);

    @SqlQuery("""
            INSERT INTO officer (org_id, officer_id, external_id, branch_id, display_name, title, nmls_id, phone, email,
                                 bio, social_links, brand_primary, brand_secondary, brand_accent, active,
                                 created_at, updated_at)
            VALUES (:orgId, :officerId, :d.externalId, :d.branchId, :d.displayName, :d.title, :d.nmlsId, :d.phone,
                    :d.email, :d.bio, CAST(:d.socialLinksJson AS jsonb), :d.brandPrimary, :d.brandSecondary,
                    :d.brandAccent, :d.active, :now, :now)
            ON CONFLICT (org_id, external_id) DO UPDATE
               SET branch_id = EXCLUDED.branch_id, display_name = EXCLUDED.display_name, title = EXCLUDED.title,
                   nmls_id = EXCLUDED.nmls_id, phone = EXCLUDED.phone, email = EXCLUDED.email, bio = EXCLUDED.bio,
                   social_links = EXCLUDED.social_links, brand_primary = EXCLUDED.brand_primary,
                   brand_secondary = EXCLUDED.brand_secondary, brand_accent = EXCLUDED.brand_accent,
                   active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
            RETURNING *, (xmax = 0) AS inserted
            """)
    OfficerUpsert upsert(UUID orgId, UUID officerId, @BindMethods("d") OfficerDraft draft, Instant now);
}
