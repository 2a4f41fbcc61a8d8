package io.rapport.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server as its own operating-system process (the test's classpath, {@code RapportApplication server}),
 * so a test can kill it as an operator's machine would: {@link #kill()} is SIGKILL, {@link #stop()} SIGTERM.
 * Its output goes to a file the test can read.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path output;

    private ServerProcess(Process process, int port, int adminPort, Path output) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.output = output;
    }

    /** Starts a server with these {@code -Ddw.} settings on free ports; returns at once (see {@link #awaitReady}). */
    public static ServerProcess start(Map<String, String> settings, Path output) {
        int port = freePort();
        int adminPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.adminConnectors[0].port=" + adminPort));
        settings.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.add("io.rapport.server.RapportApplication");
        command.add("server");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            return new ServerProcess(process, port, adminPort, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the API answers, at most {@code limit}; false if it did not (or the process ended). */
    public boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/openapi.yaml").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(30_000);
                int status = connection.getResponseCode();
                try (var body = connection.getInputStream()) {
                    body.readAllBytes();
                }
                if (status == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int adminPort() {
        return adminPort;
    }

    /** SIGKILL: no shutdown hook, no lifecycle, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Dropwizard's orderly stop; waits for the process to end. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
