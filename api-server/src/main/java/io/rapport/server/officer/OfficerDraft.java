package io.rapport.server.officer;

import java.util.UUID;

/** The fields a client sets on an officer; a PUT replaces them all. */
public record OfficerDraft(String externalId, UUID branchId, String displayName, String title, String nmlsId,
                           String phone, String email, String bio, SocialLinks socialLinks, BrandColors brandColors,
                           boolean active) {

    public OfficerDraft {
        brandColors = brandColors == null ? BrandColors.NONE : brandColors;
    }

    OfficerDraft withExternalId(String id) {
        return new OfficerDraft(id, branchId, displayName, title, nmlsId, phone, email, bio, socialLinks, brandColors,
                active);
    }

    public String socialLinksJson() {
        return SocialLinksColumn.toJson(socialLinks);
    }

    public String brandPrimary() {
        return brandColors.primary();
    }

    public String brandSecondary() {
        return brandColors.secondary();
    }

    public String brandAccent() {
        return brandColors.accent();
    }
}
