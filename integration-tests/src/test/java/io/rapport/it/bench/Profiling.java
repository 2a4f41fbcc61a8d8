package io.rapport.it.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * An optional JFR recording of one measured stretch of a benchmark, so that its execution samples hold that
 * stretch alone (a recording of the whole fork is mostly setup and ingest). Off unless {@code bench.jfr} names a
 * directory; each stretch is dumped there as {@code <name>.jfr}. JFR's own "profile" settings, with Jdbi's
 * per-statement events off (one per query: they would cost more than what they measure).
 */
final class Profiling implements AutoCloseable {
    private static final String DIRECTORY = System.getProperty("bench.jfr");

    private final Recording recording;
    private final Path file;

    private Profiling(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording when {@code bench.jfr} is set; otherwise a no-op. */
    static Profiling start(String name) throws IOException {
        if (DIRECTORY == null || DIRECTORY.isBlank()) {
            return new Profiling(null, null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.disable("jdbi.statement");
            recording.start();
            return new Profiling(recording, Path.of(DIRECTORY, name + ".jfr"));
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(file);
            recording.close();
            System.out.println("JFR recording: " + file);
        }
    }
}
