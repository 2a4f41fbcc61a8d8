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

    /**
     * Creates a referral partner; retried safely with one idempotency key.
     *
     * @param input the fields to store
     * @return the partner
     */
    public Partner create(PartnerInput input) {
        return executor.create((key, headers) -> api.createPartner(input, key, headers));
    }

    /**
     * Reads one referral partner; another organization's id answers {@link NotFoundException}.
     *
     * @param partnerId the partner
     * @return the partner
     */
    public Partner get(UUID partnerId) {
        return executor.execute(headers -> api.getPartner(partnerId, headers));
    }

    /**
     * Replaces every field of the referral partner.
     *
     * @param partnerId the partner
     * @param input the fields to store
     * @return the partner
     */
    public Partner update(UUID partnerId, PartnerInput input) {
        return executor.execute(headers -> api.updatePartner(partnerId, input, headers));
    }

    /**
     * Creates or replaces the partner the CRM knows as {@code externalId}.
     *
     * @param externalId the CRM's own id for the record
     * @param input the fields to store
     * @return the partner
     */
    public Partner upsertByExternalId(String externalId, PartnerInput input) {
        return executor.execute(headers -> api.upsertPartnerByExternalId(externalId, input, headers));
    }

    /**
     * One page of partners.
     *
     * @param query filters and paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public PartnerPage list(PartnersQuery query) {
        return executor.execute(headers -> api.listPartners(query.limit(), query.cursor(), query.type(), query.active(), headers));
    }

    /**
     * Every matching partner from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query filters; its limit is the page size (default 500)
     * @return the partners
     */
    public Stream<Partner> all(PartnersQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            PartnerPage page = executor.execute(headers ->
                    api.listPartners(query.pageSize(), cursor, query.type(), query.active(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page; {@code type} and {@code active} filter when not null.
     *
     * @param limit  page size
     * @param cursor where to continue
     * @param type   trade filter
     * @param active active filter
     * @return the page
     * @deprecated use {@link #list(PartnersQuery)}
     */
    @Deprecated(since = "0.2")
    public PartnerPage list(Integer limit, String cursor, PartnerType type, Boolean active) {
        return executor.execute(headers -> api.listPartners(limit, cursor, type, active, headers));
    }

    /**
     * Every matching partner.
     *
     * @param type   trade filter
     * @param active active filter
     * @return the partners
     * @deprecated use {@link #all(PartnersQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<Partner> all(PartnerType type, Boolean active) {
        return all(PartnersQuery.builder().type(type).active(active).build());
    }
}
