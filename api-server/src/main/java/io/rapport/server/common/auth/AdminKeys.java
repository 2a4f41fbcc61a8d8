package io.rapport.server.common.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.BiConsumer;

/**
 * Settles the platform admin key. On the embedded default with none configured, one is generated on
 * first start, kept in the data folder (readable by the owner only) and printed once.
 */
public final class AdminKeys {
    private static final int MIN_LENGTH = 24;

    private AdminKeys() {
    }

    public static String resolve(String configured, boolean embedded, Path dataDir) {
        return resolve(configured, embedded, dataDir, (key, file) -> System.out.println("""

                ==> Rapport generated a platform admin key (shown once, kept in %s):
                    %s
                """.formatted(file, key)));
    }

    /** As above; a key generated now is handed to {@code generated} (with its file) instead of printed at once. */
    public static String resolve(String configured, boolean embedded, Path dataDir, BiConsumer<String, Path> generated) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("RAPPORT_ADMIN_KEY must be at least " + MIN_LENGTH + " characters");
            }
            return configured;
        }
        if (!embedded) {
            throw new IllegalStateException("Set RAPPORT_ADMIN_KEY (at least " + MIN_LENGTH
                    + " characters) when using an external database");
        }
        return storedOrNew(dataDir.resolve("admin-key"), generated);
    }

    private static String storedOrNew(Path file, BiConsumer<String, Path> generated) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String key = "rpa_" + Secrets.random();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            generated.accept(key, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin key file " + file, e);
        }
    }
}
