package io.rapport.server.ops;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

/**
 * The admin port serves {@code /tasks} (run a sweep, change log levels) and every metric: on 127.0.0.1 unless
 * a {@code bindHost} is configured for it ({@code server.adminConnectors[0].bindHost}).
 */
public final class AdminBinding {
    public static final String LOOPBACK = "127.0.0.1";

    private AdminBinding() {
    }

    /** The access log's default line (Dropwizard's) plus the request id, unless a format or layout is configured. */
    public static void requestIdInAccessLog(ServerFactory server) {
        if (server instanceof AbstractServerFactory factory
                && factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog) {
            for (AppenderFactory<IAccessEvent> appender : requestLog.getAppenders()) {
                if (appender instanceof AbstractAppenderFactory<IAccessEvent> text && text.getLogFormat() == null
                        && text.getLayout() == null) {
                    text.setLogFormat(ACCESS_FORMAT);
                }
            }
        }
    }

    static final String ACCESS_FORMAT = "%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z,UTC}] \"%r\" %s %b \"%i{Referer}\" "
            + "\"%i{User-Agent}\" %D requestId=%responseHeader{X-Request-Id}";

    public static void loopbackUnlessConfigured(ServerFactory server) {
        if (server instanceof DefaultServerFactory factory) {
            for (ConnectorFactory connector : factory.getAdminConnectors()) {
                if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
                    http.setBindHost(LOOPBACK);
                }
            }
        }
    }
}
