package io.rapport.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc says about the machine and a process; "unknown" or -1 where it cannot be read (not Linux). */
final class Proc {
    private Proc() {
    }

    /** The 1, 5 and 15 minute load averages, e.g. "1.92 1.40 0.88". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * A process's memory from /proc/pid/status, in kB: its peak resident set (VmHWM, kept by the kernel),
     * its resident set now, and of that the private (RssAnon) and shared-memory (RssShmem) parts. Each
     * PostgreSQL process counts the shared buffers it touched in its own RSS, so summing RSS over them
     * counts those buffers many times; anonymous memory summed plus the largest shared part does not.
     */
    record Memory(long peakKb, long rssKb, long anonKb, long shmemKb) {
        static final Memory UNKNOWN = new Memory(-1, -1, -1, -1);

        static Memory self() {
            return of("self");
        }

        static Memory of(long pid) {
            return of(Long.toString(pid));
        }

        private static Memory of(String pid) {
            try {
                long peak = -1;
                long rss = -1;
                long anon = -1;
                long shmem = -1;
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peak = kb(line);
                    } else if (line.startsWith("VmRSS:")) {
                        rss = kb(line);
                    } else if (line.startsWith("RssAnon:")) {
                        anon = kb(line);
                    } else if (line.startsWith("RssShmem:")) {
                        shmem = kb(line);
                    }
                }
                return new Memory(peak, rss, anon, shmem);
            } catch (IOException | RuntimeException e) {
                return UNKNOWN; // the process ended meanwhile
            }
        }

        private static long kb(String line) {
            return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").trim());
        }
    }
}
