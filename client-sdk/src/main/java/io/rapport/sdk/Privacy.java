package io.rapport.sdk;

import io.rapport.sdk.internal.api.PrivacyApi;
import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.model.PartnerErasure;
import io.rapport.sdk.model.PartnerExport;
import java.io.InputStream;
import java.util.UUID;

/**
 * A partner's data on request: export and erasure (CCPA/GDPR-style). Every call needs the {@code admin} scope and
 * is recorded in the organization's audit log. Thread-safe; calls throw as described on {@link RapportClient}.
 */
public final class Privacy {
    private final PrivacyApi api;
    private final RawHttp raw;
    private final RequestExecutor executor;

    Privacy(PrivacyApi api, ApiClient apiClient, RequestExecutor executor) {
        this.api = api;
        this.raw = new RawHttp(apiClient);
        this.executor = executor;
    }

    /**
     * Everything held about the partner, parsed into one object. The whole document is held in memory: for a
     * partner with a long history, prefer {@link #exportStream}.
     *
     * @param partnerId the partner
     * @return the whole export
     * @throws NotFoundException if the partner is not the organization's, or was erased
     */
    public PartnerExport export(UUID partnerId) {
        return executor.execute(headers -> api.exportPartner(partnerId, headers));
    }

    /**
     * Opens the partner's export as the JSON text the server streams (the {@code PartnerExport} schema, with
     * {@code events} last), to copy or parse incrementally without holding it. Opening is retried like any call;
     * reading is not. The caller must close the stream.
     *
     * @param partnerId the partner
     * @return the export's JSON text, to read and close
     * @throws NotFoundException if the partner is not the organization's, or was erased
     */
    public InputStream exportStream(UUID partnerId) {
        return executor.execute(headers -> raw.stream("/v1/partners/" + partnerId + "/export", headers).body());
    }

    /**
     * Erases the partner's personal data, events, logo, relationships and scores, keeping only anonymous counts;
     * later events naming the partner are rejected with {@code partner_erased}. Safe to repeat: a repeat answers
     * the first erasure with {@code alreadyErased} true.
     *
     * @param partnerId the partner
     * @return what was erased, or the first erasure when repeated
     * @throws NotFoundException if no such partner ever existed in the organization
     */
    public PartnerErasure erase(UUID partnerId) {
        return executor.execute(headers -> api.erasePartner(partnerId, headers));
    }
}
