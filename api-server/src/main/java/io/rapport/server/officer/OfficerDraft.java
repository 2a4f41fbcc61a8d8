package io.rapport.server.officer;

import java.util.UUID;

/** The fields a client sets on an officer; a PUT replaces them all. */
public record OfficerDraft(String externalId, UUID branchId, String displayName, String title, String nmlsId,
                           String phone, String email, String bio, boolean active) {

    OfficerDraft withExternalId(String id) {
        return new OfficerDraft(id, branchId, displayName, title, nmlsId, phone, email, bio, active);
    }
}
