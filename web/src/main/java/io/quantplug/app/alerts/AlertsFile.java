package io.quantplug.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.app.UserInputException;
import io.quantplug.app.YamlFiles;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code alerts.yaml} in the Quantplug home: the notification channels and how often they may be written to (see
 * {@code docs/live-trading.md}, "Alerts"). Secrets are not in the file: each is named by {@link SecretRef}.
 *
 * @param minIntervalSeconds     default least time between two alerts of one condition on a channel, or null for
 *                               300; 0 sends every repeat
 * @param maxPerHour             default most alerts an hour on a channel, or null for 60
 * @param disconnectAfterSeconds how long an exchange connection may be down before a {@code DISCONNECT} alert, or
 *                               null for 60
 * @param channels               the channels, at least one
 */
public record AlertsFile(Long minIntervalSeconds, Integer maxPerHour, Long disconnectAfterSeconds,
                         List<ChannelEntry> channels) {

    /** The file's name in the Quantplug home. */
    public static final String FILE_NAME = "alerts.yaml";

    /** Alerts that may wait for the sender thread. */
    static final int QUEUE_CAPACITY = 1_000;
    /** Tries per channel and alert: the first and three retries. */
    static final int ATTEMPTS = 4;
    /** The wait before the first retry (then 4 s, 8 s). */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    /**
     * Reads the home's {@code alerts.yaml}, if there is one.
     *
     * @param home the Quantplug home
     * @return the checked file, or empty when the home has none
     * @throws UserInputException naming the file, the line and the key when it is malformed
     */
    public static Optional<AlertsFile> inHome(Path home) {
        Path file = home.resolve(FILE_NAME);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Reads and checks a file.
     *
     * @param file the YAML file
     * @return what it says
     * @throws UserInputException naming the file, the line and the key at fault
     */
    public static AlertsFile read(Path file) {
        AlertsFile f = YamlFiles.read(file, AlertsFile.class, "alerts file");
        if (f == null || f.channels() == null || f.channels().isEmpty()) {
            throw new UserInputException(file + ": 'channels' is missing or empty; list at least one channel");
        }
        check(file, "minIntervalSeconds", f.minIntervalSeconds(), 0, 86_400);
        check(file, "maxPerHour", f.maxPerHour() == null ? null : f.maxPerHour().longValue(), 1, 3_600);
        check(file, "disconnectAfterSeconds", f.disconnectAfterSeconds(), 1, 86_400);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < f.channels().size(); i++) {
            ChannelEntry c = f.channels().get(i);
            String where = "channels[" + i + "]";
            if (c == null) {
                throw new UserInputException(file + ": " + where + " is empty");
            }
            if (c.name() == null || c.name().isBlank()) {
                throw new UserInputException(file + ": " + where + ".name is missing");
            }
            if (!names.add(c.name())) {
                throw new UserInputException(file + ": " + where + ".name '" + c.name() + "' is used twice");
            }
            check(file, where + ".minIntervalSeconds", c.minIntervalSeconds(), 0, 86_400);
            check(file, where + ".maxPerHour", c.maxPerHour() == null ? null : c.maxPerHour().longValue(), 1, 3_600);
        }
        return f;
    }

    /**
     * How long a connection may be down before it is reported.
     *
     * @return the threshold
     */
    public Duration disconnectAfter() {
        return Duration.ofSeconds(disconnectAfterSeconds == null ? 60 : disconnectAfterSeconds);
    }

    /**
     * Builds the channels, reading their secrets.
     *
     * @param file        where this was read from (relative secret files are resolved against its folder)
     * @param environment the process environment
     * @return the channels, in the file's order (close each)
     * @throws UserInputException naming the entry and key when one is incomplete or a secret cannot be read
     */
    public List<AlertChannel> openChannels(Path file, Map<String, String> environment) {
        AlertChannels factory = new AlertChannels(file, environment, new JsonPost(HttpClient.newBuilder()
                .connectTimeout(JsonPost.TIMEOUT).build(), new ObjectMapper()));
        List<AlertChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < channels.size(); i++) {
                open.add(factory.open(channels.get(i), i));
            }
        } catch (RuntimeException e) {
            open.forEach(AlertChannel::close);
            throw e;
        }
        return open;
    }

    /**
     * Builds the channels and a dispatcher that delivers to them, each behind its kinds filter and rate limits.
     *
     * @param file        where this was read from
     * @param environment the process environment
     * @param clock       the time the rate limits run on
     * @return the running dispatcher (close it)
     * @throws UserInputException as {@link #openChannels}
     */
    public AlertDispatcher openDispatcher(Path file, Map<String, String> environment, Clock clock) {
        return openDispatcher(file, environment, clock, ATTEMPTS, FIRST_BACKOFF);
    }

    /** As {@link #openDispatcher(Path, Map, Clock)}, with the retries given (tests shorten the backoff). */
    AlertDispatcher openDispatcher(Path file, Map<String, String> environment, Clock clock, int attempts,
                                   Duration firstBackoff) {
        List<AlertChannel> open = openChannels(file, environment);
        List<AlertDispatcher.Route> routes = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            ChannelEntry c = channels.get(i);
            long interval = c.minIntervalSeconds() != null ? c.minIntervalSeconds()
                    : minIntervalSeconds != null ? minIntervalSeconds : 300;
            int perHour = c.maxPerHour() != null ? c.maxPerHour() : maxPerHour != null ? maxPerHour : 60;
            routes.add(new AlertDispatcher.Route(open.get(i), new AlertThrottle(clock,
                    c.kinds() == null ? Set.of() : c.kinds(), Duration.ofSeconds(interval), perHour)));
        }
        return new AlertDispatcher(routes, QUEUE_CAPACITY, attempts, firstBackoff);
    }

    private static void check(Path file, String key, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            throw new UserInputException(file + ": " + key + " = " + value + " is out of range: allowed " + min + ".."
                    + max);
        }
    }
}
