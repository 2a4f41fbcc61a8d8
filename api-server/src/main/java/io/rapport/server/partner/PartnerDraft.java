package io.rapport.server.partner;

/** The fields a client sets on a partner; a PUT replaces them all. */
public record PartnerDraft(String externalId, String name, String company, String type, String email, String phone,
                           boolean active) {

    PartnerDraft withExternalId(String id) {
        return new PartnerDraft(id, name, company, type, email, phone, active);
    }
}
