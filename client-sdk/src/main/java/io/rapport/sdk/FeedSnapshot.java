package io.rapport.sdk;

import io.rapport.sdk.model.AppFeed;

/**
 * The app feed as read at one moment, with its strong ETag: keep both, and pass the ETag to
 * {@link AppFeeds#feedIfChanged(String)} to learn cheaply whether anything changed. Immutable.
 */
public record FeedSnapshot(AppFeed feed, String etag) {
}
