package io.rapport.server.common.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a keyset listing. DAOs fetch {@code limit + 1} rows; the extra row only tells that
 * another page exists.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, UUID> idOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.after(idOf.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
