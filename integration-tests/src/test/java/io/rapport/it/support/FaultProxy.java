package io.rapport.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP proxy in front of the server under test that misbehaves on purpose: a share of requests
 * is answered 503 without reaching the server, and a share is forwarded, committed by the server, and
 * then has its response dropped (the connection closes with no answer). The fates come from a seeded
 * random sequence, so a run can be repeated.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "upgrade",
            "http2-settings", "expect", "transfer-encoding", "keep-alive", "te");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final double failShare;
    private final double dropShare;
    private final Random random;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();

    private FaultProxy(String target, double failShare, double dropShare, long seed) throws IOException {
        this.target = target;
        this.failShare = failShare;
        this.dropShare = dropShare;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Fails {@code failShare} of requests before the server, drops {@code dropShare} of responses after it. */
    public static FaultProxy start(String target, double failShare, double dropShare, long seed) throws IOException {
        return new FaultProxy(target, failShare, dropShare, seed);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int failed() {
        return failed.get();
    }

    public int dropped() {
        return dropped.get();
    }

    public int passed() {
        return passed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            double fate = nextFate();
            if (fate < failShare) {
                failed.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            if (fate < failShare + dropShare) {
                dropped.incrementAndGet();
                return; // closing without a response: the server committed, the client never hears of it
            }
            passed.incrementAndGet();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private synchronized double nextFate() {
        return random.nextDouble();
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
