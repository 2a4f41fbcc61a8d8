package io.rapport.server.score.engine;

/**
 * Answers, for a type the model counts at most once per UTC day, whether a day was already counted before
 * the events being folded now. A fold needs it only for a day earlier than the latest one it has counted
 * (a late event): ingest asks the database, an in-order replay never asks.
 */
@FunctionalInterface
public interface CountedDays {
    /** For folds in time order, where no late day can occur. */
    CountedDays NONE = (type, epochDay) -> false;

    boolean counted(String type, long epochDay);
}
