package io.rapport.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks cursor pages lazily: the next page is fetched only when the stream reaches it. */
final class Pages {
    static final int PAGE_SIZE = 500;

    record Slice<T>(List<T> items, String nextCursor) {
    }

    private Pages() {
    }

    static <T> Stream<T> stream(Function<String, Slice<T>> fetch) {
        return stream(null, fetch);
    }

    /** From the page after {@code start} (null: the first page) to the last. */
    static <T> Stream<T> stream(String start, Function<String, Slice<T>> fetch) {
        Iterator<T> iterator = new Iterator<>() {
            private Slice<T> slice = fetch.apply(start);
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= slice.items().size() && slice.nextCursor() != null) {
                    slice = fetch.apply(slice.nextCursor());
                    index = 0;
                }
                return index < slice.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return slice.items().get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }
}
