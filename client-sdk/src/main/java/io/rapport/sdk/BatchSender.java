package io.rapport.sdk;

import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.UsageEventInput;
import java.util.List;

/** Sends one batch with the client's retry policy, telling {@code listener} of each retry. */
@FunctionalInterface
interface BatchSender {
    EventBatchResult send(List<UsageEventInput> events, RequestExecutor.RetryListener listener);
}
