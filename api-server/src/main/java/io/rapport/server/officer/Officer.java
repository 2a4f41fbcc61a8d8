package io.rapport.server.officer;

import java.time.Instant;
import java.util.UUID;

/** A loan officer: the face of a branded app and one side of every scored relationship. */
public record Officer(UUID orgId, UUID officerId, String externalId, UUID branchId, String displayName, String title,
                      String nmlsId, String phone, String email, String bio, SocialLinks socialLinks,
                      String brandPrimary, String brandSecondary, String brandAccent, String photoEtag,
                      boolean active, Instant createdAt, Instant updatedAt) {

    public BrandColors brandColors() {
        return new BrandColors(brandPrimary, brandSecondary, brandAccent);
    }
}
