package io.quantplug.cli;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.app.ExchangeAdapters;
import io.quantplug.app.StreamRecorder;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.plugin.PluginHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code quantplug record}: writes an exchange's live market streams, through its adapter plugin
 * ({@link ExchangeAdapter#connectRaw}), to a recording file that {@code backtest --data} and {@code book --verify}
 * read ({@link StreamRecorder}). Runs until SIGTERM or Ctrl-C (a shutdown hook ends it and waits for the file to be
 * finished), {@code --duration} or {@code --max-messages}; then prints what it recorded.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record an exchange's live market streams to a file for replay: one line per message,"
                + " '<local receive time, epoch ns> <message as received>', gzip when FILE ends in .gz, with a REST"
                + " depth snapshot after the depth stream is subscribed and after every reconnect (the format of the"
                + " shared binance-ws-raw recordings; read it with 'backtest --data FILE' or 'book --data FILE"
                + " --verify').",
            "Stops on Ctrl-C / SIGTERM, after --duration or after --max-messages, finishes the file and prints the"
                    + " messages per stream, snapshots, reconnects and bytes.",
            "Binance: the adapter's network defaults to testnet; --exchange-param network=mainnet for real market"
                    + " data (no API key needed)."})
final class RecordCommand implements Callable<Integer> {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Option(names = "--exchange", required = true, paramLabel = "ID",
            description = "Exchange adapter id, e.g. binance (see 'quantplug plugins').")
    String exchange;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL",
            description = "Symbol as the exchange lists it, e.g. BTCUSDT.")
    String symbol;

    @Option(names = "--streams", split = ",", paramLabel = "NAME", defaultValue = "trade,depth,bookTicker",
            description = "Streams to record, comma-separated (binance: trade, aggTrade, depth, bookTicker;"
                    + " default ${DEFAULT-VALUE}).")
    List<String> streams;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The recording to create (never overwritten); gzip when it ends in .gz.")
    Path out;

    @Option(names = "--exchange-param", paramLabel = "KEY=VALUE",
            description = "An adapter parameter, e.g. market=spot, network=mainnet; repeat for several.")
    Map<String, String> exchangeParams = new LinkedHashMap<>();

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Stop after this long, e.g. 30s, 10m, 1h30m (default: until stopped).")
    String duration;

    @Option(names = "--max-messages", paramLabel = "N",
            description = "Stop after N stream messages, snapshots not counted (default: until stopped).")
    Long maxMessages;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Duration limit = duration == null ? null : parseDuration(duration);
        if (maxMessages != null && maxMessages < 1) {
            throw new UserInputException("--max-messages must be >= 1, got " + maxMessages);
        }
        StreamRecorder.requireCreatable(out);
        try (PluginHost host = PluginHost.open(common.pluginsDir());
             ExchangeAdapter adapter = ExchangeAdapters.open(host.catalog(), exchange, exchangeParams,
                     EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.RAW_MARKET_STREAMS))) {
            Instrument instrument = ExchangeAdapters.instrument(adapter, exchange, symbol);
            return record(adapter, instrument, limit, stdout, stderr);
        } catch (UncheckedIOException e) {
            stderr.println("quantplug: error: exchange '" + exchange + "' failed: " + e.getMessage());
            return QuantplugCli.EXCHANGE_UNAVAILABLE;
        }
    }

    private int record(ExchangeAdapter adapter, Instrument instrument, Duration limit, PrintWriter stdout,
                       PrintWriter stderr) {
        CountDownLatch end = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        String[] stoppedBy = {maxMessages == null ? null : "--max-messages " + maxMessages};
        StreamRecorder recorder = StreamRecorder.create(out, maxMessages == null ? Long.MAX_VALUE : maxMessages,
                end::countDown, line -> stderr.println("quantplug record: " + line));
        Thread hook = new Thread(() -> {
            stoppedBy[0] = "signal";
            end.countDown();
            try {
                finished.await(SessionDriver.SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quantplug-record-shutdown");
        long start = System.nanoTime();
        try {
            try {
                adapter.connectRaw(List.of(instrument.id()), streams, recorder);
            } catch (IllegalArgumentException e) {
                recorder.close();
                deleteQuietly(out);
                throw new UserInputException("--streams of '" + exchange + "': " + e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(hook);
            stdout.println("Recording " + String.join(", ", streams) + " of " + instrument.id() + " from "
                    + exchange + " to " + out + (limit == null ? "" : " for " + duration)
                    + (maxMessages == null ? "" : ", at most " + maxMessages + " messages")
                    + (limit == null && maxMessages == null ? " until stopped (Ctrl-C)" : ""));
            stdout.flush();
            if (!await(end, limit)) {
                stoppedBy[0] = "--duration " + duration;
            }
            recorder.stop();
            adapter.close();
            try {
                recorder.close();
            } catch (UncheckedIOException e) {
                stderr.println("quantplug: error: " + e.getMessage() + ": " + e.getCause().getMessage());
                return QuantplugCli.INTERNAL_ERROR;
            }
            return summarize(recorder, instrument, stoppedBy[0], (System.nanoTime() - start) / 1e9, stdout, stderr);
        } finally {
            closeQuietly(recorder);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down (the hook runs and waits for the countdown above), or never added
            }
        }
    }

    private static boolean await(CountDownLatch end, Duration limit) {
        try {
            if (limit == null) {
                end.await();
                return true;
            }
            return end.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private int summarize(StreamRecorder recorder, Instrument instrument, String stoppedBy, double seconds,
                          PrintWriter stdout, PrintWriter stderr) {
        StreamRecorder.Summary s = recorder.summary();
        long onDisk = sizeOf(out);
        stdout.printf(Locale.ROOT, "Recorded %,d messages of %s from %s in %.1f s to %s (stopped by %s):%n",
                s.messages(), instrument.id(), exchange, seconds, out, stoppedBy);
        s.perStream().forEach((stream, n) -> stdout.printf(Locale.ROOT, "  %-32s %,12d%n", stream, n));
        stdout.printf(Locale.ROOT, "  snapshots %d, reconnects %d, %,d bytes (%,d on disk)%n", s.snapshots(),
                s.reconnects(), s.bytes(), onDisk);
        stdout.flush();
        if (recorder.failure() != null) {
            stderr.println("quantplug: error: writing " + out + " failed: " + recorder.failure().getMessage()
                    + "; the file holds what was written before");
            return QuantplugCli.INTERNAL_ERROR;
        }
        if (s.messages() == 0) {
            stderr.println("quantplug: error: no message arrived from '" + exchange + "' (see the connection lines"
                    + " above)");
            return QuantplugCli.EXCHANGE_UNAVAILABLE;
        }
        return QuantplugCli.OK;
    }

    /**
     * Reads a duration such as {@code 30s}, {@code 10m} or {@code 1h30m} (units ms, s, m, h, d).
     *
     * @param text the option's value
     * @return the duration, &gt; 0
     * @throws UserInputException naming {@code --duration} when it is malformed or zero
     */
    static Duration parseDuration(String text) {
        Matcher m = DURATION_PART.matcher(text.strip());
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.lookingAt()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
            m.region(at, m.regionEnd());
        }
        if (at == 0 || at != text.strip().length() || total.isZero()) {
            throw new UserInputException("--duration: '" + text + "' is not a positive duration such as 30s, 10m,"
                    + " 1h30m (units ms, s, m, h, d)");
        }
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void closeQuietly(StreamRecorder recorder) {
        try {
            recorder.close();
        } catch (UncheckedIOException ignored) {
            // reported where the run ended normally; on an error path the first error is the one to show
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error about the streams is the one the user needs
        }
    }
}
