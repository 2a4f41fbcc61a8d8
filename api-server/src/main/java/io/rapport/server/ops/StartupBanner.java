package io.rapport.server.ops;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * The last thing a start prints: where the API and the admin port listen and, on a first start, the
 * generated platform admin key, in a box that stands out from the log above it.
 */
public class StartupBanner implements ServerLifecycleListener {
    private final ServerFactory serverFactory;
    private String generatedKey;
    private Path keyFile;

    public StartupBanner(ServerFactory serverFactory) {
        this.serverFactory = serverFactory;
    }

    public void generatedAdminKey(String key, Path file) {
        this.generatedKey = key;
        this.keyFile = file;
    }

    @Override
    public void serverStarted(Server server) {
        List<String> lines = new ArrayList<>();
        lines.add("Rapport is running.");
        lines.add("API:   http://localhost:" + getLocalPort(server) + "   (contract at /openapi.yaml)");
        lines.add("Admin: http://" + adminHost() + ":" + getAdminPort(server)
                + "   (/healthcheck, /metrics/prometheus, /tasks)");
        if (generatedKey != null) {
            lines.add("");
            lines.add("Generated platform admin key (shown once, kept in " + keyFile + "):");
            lines.add("    " + generatedKey);
        }
        System.out.println(box(lines));
    }

    private String adminHost() {
        if (serverFactory instanceof DefaultServerFactory factory && !factory.getAdminConnectors().isEmpty()) {
            ConnectorFactory connector = factory.getAdminConnectors().get(0);
            if (connector instanceof HttpConnectorFactory http && http.getBindHost() != null) {
                return http.getBindHost();
            }
        }
        return "localhost";
    }

    static String box(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 2) + "+";
        StringBuilder out = new StringBuilder("\n").append(rule).append('\n');
        for (String line : lines) {
            out.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
        }
        return out.append(rule).append('\n').toString();
    }
}
