package io.rapport.server.score.engine;

import java.util.Locale;

/** The relationship ladder, lowest first (DESIGN §4). */
public enum Stage {
    TECHNOSHIP, RELATIONSHIP, TRUSTED, ADVOCATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
