package io.quantplug.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class StudyProgressTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StringWriter text = new StringWriter();
    private final StudyProgress progress = new StudyProgress(new PrintWriter(text, true), now::get);

    @Test
    void staysQuietForStudiesShorterThanTwoSeconds() {
        now.addAndGet(1_000_000_000L);
        progress.onTrial(1, 2, "sharpe", 1.5, "fast=5");
        now.addAndGet(500_000_000L);
        progress.onTrial(2, 2, "sharpe", 1.5, "fast=5");
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void showsDoneOfTotalTheBestSoFarAndTheTimeLeft() {
        // 25 of 100 trials in 30 s: 1.2 s a trial, 75 left -> 90 s = 1:30
        now.addAndGet(30_000_000_000L);
        progress.onTrial(25, 100, "sharpe", 1.23456, "fast=10 slow=30");
        assertThat(text.toString()).isEqualTo("\r25/100 trials, best sharpe 1.2346 (fast=10 slow=30), ETA 1:30   ");
        now.addAndGet(90_000_000_000L);
        progress.onTrial(100, 100, "sharpe", Double.NaN, "");
        assertThat(text.toString()).endsWith("\r100/100 trials, best sharpe - (), ETA 0:00   " + System.lineSeparator());
    }
}
