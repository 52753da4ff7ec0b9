package io.quantplug.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StringWriter text = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(text, true), now::get);

    @Test
    void staysQuietForRunsShorterThanTwoSeconds() {
        now.addAndGet(1_900_000_000L);
        bar.onProgress(16_384, 50_000);
        bar.onProgress(50_000, 50_000);
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void drawsOnStandardErrorOnceARunPassesTwoSecondsAndEndsTheLine() {
        now.addAndGet(2_100_000_000L);
        bar.onProgress(25_000, 50_000);
        assertThat(text.toString()).isEqualTo("\r[###############               ]  50% 25,000/50,000 bars");
        bar.onProgress(50_000, 50_000);
        assertThat(text.toString()).endsWith("\r[##############################] 100% 50,000/50,000 bars"
                + System.lineSeparator());
    }
}
