package io.rapport.sdk;

import io.rapport.sdk.generated.api.OfficersApi;
import io.rapport.sdk.generated.model.Officer;
import io.rapport.sdk.generated.model.OfficerInput;
import io.rapport.sdk.generated.model.OfficerPage;
import java.util.UUID;
import java.util.stream.Stream;

/** Loan officers. {@code update} and {@code upsertByExternalId} replace every field. Thread-safe. */
public final class Officers {
    private final OfficersApi api;
    private final RequestExecutor executor;

    Officers(OfficersApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    public Officer create(OfficerInput input) {
        return executor.create((key, headers) -> api.createOfficer(input, key, headers));
    }

    public Officer get(UUID officerId) {
        return executor.execute(headers -> api.getOfficer(officerId, headers));
    }

    public Officer update(UUID officerId, OfficerInput input) {
        return executor.execute(headers -> api.updateOfficer(officerId, input, headers));
    }

    /** Creates or replaces the officer the CRM knows as {@code externalId}. */
    public Officer upsertByExternalId(String externalId, OfficerInput input) {
        return executor.execute(headers -> api.upsertOfficerByExternalId(externalId, input, headers));
    }

    /** One page; {@code branchId} and {@code active} filter when not null. */
    public OfficerPage list(Integer limit, String cursor, UUID branchId, Boolean active) {
        return executor.execute(headers -> api.listOfficers(limit, cursor, branchId, active, headers));
    }

    /** Every matching officer, fetching pages lazily as the stream is consumed. */
    public Stream<Officer> all(UUID branchId, Boolean active) {
        return Pages.stream(cursor -> {
            OfficerPage page = list(Pages.PAGE_SIZE, cursor, branchId, active);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
