package io.rapport.sdk;

import io.rapport.sdk.internal.api.PartnersApi;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerPage;
import io.rapport.sdk.model.PartnerType;
import java.util.UUID;
import java.util.stream.Stream;

/** Referral partners. {@code update} and {@code upsertByExternalId} replace every field. Thread-safe. */
public final class Partners {
    private final PartnersApi api;
    private final RequestExecutor executor;

    Partners(PartnersApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    public Partner create(PartnerInput input) {
        return executor.create((key, headers) -> api.createPartner(input, key, headers));
    }

    public Partner get(UUID partnerId) {
        return executor.execute(headers -> api.getPartner(partnerId, headers));
    }

    public Partner update(UUID partnerId, PartnerInput input) {
        return executor.execute(headers -> api.updatePartner(partnerId, input, headers));
    }

    /** Creates or replaces the partner the CRM knows as {@code externalId}. */
    public Partner upsertByExternalId(String externalId, PartnerInput input) {
        return executor.execute(headers -> api.upsertPartnerByExternalId(externalId, input, headers));
    }

    /** One page; {@code type} and {@code active} filter when not null. */
    public PartnerPage list(Integer limit, String cursor, PartnerType type, Boolean active) {
        return executor.execute(headers -> api.listPartners(limit, cursor, type, active, headers));
    }

    /** Every matching partner, fetching pages lazily as the stream is consumed. */
    public Stream<Partner> all(PartnerType type, Boolean active) {
        return Pages.stream(cursor -> {
            PartnerPage page = list(Pages.PAGE_SIZE, cursor, type, active);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
