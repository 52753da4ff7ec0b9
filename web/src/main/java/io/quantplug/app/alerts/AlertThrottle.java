package io.quantplug.app.alerts;

import io.github.bucket4j.Bucket;
import io.quantplug.app.ClockTimeMeter;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One channel's filter: which alert kinds it takes, and how often, so that a flapping condition does not flood it.
 * Two token buckets of the Bucket4j library on the injected clock: per condition (an alert's
 * {@link Alert#dedupKey()}) one alert per minimum interval, the repeats in between suppressed and counted; and per
 * channel at most {@code maxPerHour} alerts, refilled evenly over the hour. {@link AlertKind#TEST} alerts pass
 * always. Not thread-safe: the dispatcher's sender thread alone uses it.
 */
final class AlertThrottle {

    /** How many conditions are remembered; the least recently seen is forgotten beyond that. */
    private static final int MAX_KEYS = 1_000;

    private final Set<AlertKind> kinds;
    private final Duration minInterval;
    private final TimeMeter meter;
    private final Bucket channel;
    private final Map<String, Bucket> conditions = lru();
    private final Map<String, Integer> suppressed = lru();

    /**
     * Creates the filter.
     *
     * @param clock       the time source the buckets refill on
     * @param kinds       the kinds the channel takes; empty for all
     * @param minInterval the least time between two alerts of one condition, at least 0
     * @param maxPerHour  alerts an hour on the channel, at least 1
     */
    AlertThrottle(Clock clock, Set<AlertKind> kinds, Duration minInterval, int maxPerHour) {
        this.kinds = kinds.isEmpty() ? EnumSet.allOf(AlertKind.class) : EnumSet.copyOf(kinds);
        this.minInterval = minInterval;
        this.meter = new ClockTimeMeter(clock);
        this.channel = Bucket.builder().withCustomTimePrecision(meter)
                .addLimit(l -> l.capacity(maxPerHour).refillGreedy(maxPerHour, Duration.ofHours(1))).build();
    }

    /**
     * Decides whether the channel gets an alert now.
     *
     * @param alert the alert
     * @return the alert to send (its message then tells how many repeats of the condition were suppressed since the
     *         last one sent), or null when the channel does not take its kind or the alert is suppressed
     */
    Alert admit(Alert alert) {
        if (alert.kind() == AlertKind.TEST) {
            return alert;
        }
        if (!kinds.contains(alert.kind())) {
            return null;
        }
        String key = alert.dedupKey();
        boolean fresh = minInterval.isZero() || conditions.computeIfAbsent(key, k -> Bucket.builder()
                .withCustomTimePrecision(meter)
                .addLimit(l -> l.capacity(1).refillIntervally(1, minInterval)).build()).tryConsume(1);
        if (!fresh || !channel.tryConsume(1)) {
            suppressed.merge(key, 1, Integer::sum);
            return null;
        }
        Integer skipped = suppressed.remove(key);
        if (skipped == null) {
            return alert;
        }
        return new Alert(alert.kind(), alert.timeMillis(), alert.session(), alert.instrument(), alert.message()
                + " (" + skipped + " similar alert" + (skipped == 1 ? "" : "s") + " suppressed before this one)",
                alert.source());
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
