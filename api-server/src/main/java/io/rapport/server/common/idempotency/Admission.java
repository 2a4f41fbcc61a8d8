package io.rapport.server.common.idempotency;

/** What {@link IdempotencyStore#admit} decided: run the request under a claim, or replay the stored answer. */
sealed interface Admission {

    record Run(Claim claim) implements Admission {
    }

    record Replay(StoredResponse response) implements Admission {
    }
}
