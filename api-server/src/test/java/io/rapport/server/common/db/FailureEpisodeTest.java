package io.rapport.server.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureEpisodeTest {
    private final Logger log = (Logger) LoggerFactory.getLogger("failure-episode-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    FailureEpisodeTest() {
        log.setLevel(Level.INFO);
        lines.start();
        log.addAppender(lines);
    }

    @Test
    void anOutage_logsOneWarnWithoutTrace_thenOneInfoWhenItEnds() {
        FailureEpisode episode = new FailureEpisode(log, "Webhook dispatch");
        RuntimeException down = new IllegalStateException("pool", new SQLException("Connection refused"));

        for (int pass = 0; pass < 30; pass++) {
            episode.failed(down);
        }
        episode.succeeded();
        episode.succeeded();

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(lines.list.get(0).getFormattedMessage())
                .isEqualTo("Webhook dispatch failed: SQLException: Connection refused; retrying quietly until it works again");
        assertThat(lines.list.get(0).getThrowableProxy()).isNull();
    }

    @Test
    void aSecondOutage_isASecondEpisode() {
        FailureEpisode episode = new FailureEpisode(log, "Score sweep");
        episode.failed(new IllegalStateException("down"));
        episode.succeeded();
        episode.failed(new IllegalStateException("down again"));

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.WARN);
    }
}
