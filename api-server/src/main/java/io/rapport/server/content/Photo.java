package io.rapport.server.content;

import org.jdbi.v3.core.mapper.Nested;

/** An officer photo as served: its description, and its bytes unless the client's copy is current. */
public record Photo(@Nested PhotoInfo info, byte[] bytes) {

    static Photo notModified(PhotoInfo info) {
        return new Photo(info, null);
    }

    public boolean modified() {
        return bytes != null;
    }
}
