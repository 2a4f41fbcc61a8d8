package io.rapport.server.common.web;

/**
 * The characters no text the API takes may hold: C0 controls other than tab, line feed and carriage
 * return, and DEL. PostgreSQL cannot store U+0000 at all (the whole statement fails), and the others
 * have no business in a name, a tag or an id; refusing them up front turns a 500 into a 422.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    public static boolean disallowed(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** Whether {@code text} holds any disallowed character; {@code null} holds none. */
    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (disallowed(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static final String MESSAGE = "contains a control character (such as U+0000) that is not allowed";
}
