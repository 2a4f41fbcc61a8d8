package io.rapport.server.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void nulAndOtherC0Controls_andDel_areDisallowed() {
        assertThat(ControlCharacters.in("a\u0000b")).isTrue();
        assertThat(ControlCharacters.in("\u0001")).isTrue();
        assertThat(ControlCharacters.in("\u001b[31m")).isTrue();
        assertThat(ControlCharacters.in("\u007f")).isTrue();
    }

    @Test
    void tabsLineBreaksAndEverythingPrintable_areAllowed() {
        assertThat(ControlCharacters.in("line one\nline two\r\n\tindented")).isFalse();
        assertThat(ControlCharacters.in("Dana Brooks — Realtor® 🏡 \u202e")).isFalse();
        assertThat(ControlCharacters.in("")).isFalse();
        assertThat(ControlCharacters.in(null)).isFalse();
    }
}
