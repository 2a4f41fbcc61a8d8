package io.rapport.server.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void decode_readsBackWhatAfterWrote() {
        UUID id = UUID.randomUUID();
        assertThat(Cursor.decode(Cursor.after(id))).isEqualTo(id);
    }

    @Test
    void decode_ofNothing_meansTheFirstPage() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode("")).isNull();
    }

    @Test
    void decode_ofGarbage_isAValidationErrorOnCursor() {
        assertThatThrownBy(() -> Cursor.decode("!!not-base64"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
        assertThatThrownBy(() -> Cursor.decode("aGVsbG8")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void page_withOneRowMoreThanTheLimit_hasACursorAtItsLastItem() {
        List<UUID> fetched = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Page<UUID> page = Page.of(fetched, 2, id -> id);

        assertThat(page.items()).containsExactly(fetched.get(0), fetched.get(1));
        assertThat(Cursor.decode(page.nextCursor())).isEqualTo(fetched.get(1));
    }

    @Test
    void page_withNoMoreRows_hasNoCursor() {
        List<UUID> fetched = List.of(UUID.randomUUID(), UUID.randomUUID());
        assertThat(Page.of(fetched, 2, id -> id).nextCursor()).isNull();
    }
}
