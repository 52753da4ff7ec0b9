package io.quantplug.cli;

import io.quantplug.app.BarDownload;
import io.quantplug.app.DownloadStoppedException;
import io.quantplug.app.ExchangeAdapters;
import io.quantplug.app.UserInputException;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quantplug data download --exchange ID --symbol S --timeframe TF --from TIME [--to TIME]}. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download closed bars from an exchange adapter plugin into the store, in chunks written as"
                + " they arrive, with a progress bar on standard error.",
            "Resumable: only what the store lacks in the range is asked for - before the first stored bar, after the"
                    + " last, and the holes between stored bars (so a run stopped half-way is completed by the next"
                    + " one). A hole the exchange itself has (a maintenance window, the time before a listing) stays"
                    + " a hole and is asked for again on each run.",
            "Binance: the adapter's network defaults to testnet; real market data needs --exchange-param"
                    + " network=mainnet (no API key needed)."})
final class DataDownloadCommand implements Callable<Integer> {

    @Option(names = "--exchange", required = true, paramLabel = "ID",
            description = "Exchange adapter id, e.g. binance (see 'quantplug plugins').")
    String exchange;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL",
            description = "Symbol as the exchange lists it, e.g. BTCUSDT.")
    String symbol;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "Bar length, e.g. 1m, 1h, 1d.")
    String timeframe;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "First open time: a date (UTC midnight) or an ISO-8601 date-time.")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "End, exclusive (default: now, rounded down to the bar length: closed bars only).")
    String to;

    @Option(names = "--exchange-param", paramLabel = "KEY=VALUE",
            description = "An adapter parameter, e.g. market=spot, network=mainnet; repeat for several.")
    Map<String, String> exchangeParams = new LinkedHashMap<>();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Timeframe tf = DataCommand.parseTimeframe(timeframe);
        long fromMillis = BacktestCommand.parseTime("--from", from);
        long now = System.currentTimeMillis(); // the command line's edge: the wall clock decides what "now" is
        long toMillis = to != null ? BacktestCommand.parseTime("--to", to) : now - Math.floorMod(now, tf.millis());
        if (toMillis <= fromMillis) {
            throw new UserInputException("--from (" + Instant.ofEpochMilli(fromMillis) + ") must be before --to ("
                    + Instant.ofEpochMilli(toMillis) + ")");
        }
        try (PluginHost host = PluginHost.open(common.pluginsDir());
             ExchangeAdapter adapter = ExchangeAdapters.open(host.catalog(), exchange, exchangeParams,
                     EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.HISTORICAL_BARS))) {
            Instrument instrument = ExchangeAdapters.instrument(adapter, exchange, symbol);
            try (Store store = common.openStore()) {
                long start = System.nanoTime();
                ProgressBar progress = new ProgressBar(err);
                BarDownload.Result r;
                try {
                    r = new BarDownload(adapter, store.bars(), BarDownload.DEFAULT_CHUNK_BARS)
                            .run(instrument, tf, fromMillis, toMillis, progress);
                } catch (DownloadStoppedException e) {
                    progress.interrupted();
                    audit(store, instrument, tf, e.fetched() + " bars from " + exchange + ", then stopped: "
                            + e.getCause().getMessage());
                    err.println("quantplug: error: " + e.getMessage());
                    return QuantplugCli.EXCHANGE_UNAVAILABLE;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                audit(store, instrument, tf, r.fetched() + " bars from " + exchange + " for "
                        + Instant.ofEpochMilli(fromMillis) + " .. " + Instant.ofEpochMilli(toMillis));
                out.printf(Locale.ROOT, "Downloaded %,d bars of %s %s from %s (%s .. %s) in %.2f s; %,d already"
                                + " stored%s%n", r.fetched(), instrument.id(), tf.label(), exchange,
                        Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis), seconds, r.alreadyStored(),
                        r.holes().isEmpty() ? " (nothing missing)" : String.format(Locale.ROOT,
                                " (%d hole(s) asked for, %,d bar slot(s) the exchange has no bar for)",
                                r.holes().size(), r.slotsAsked() - r.fetched()));
            }
        } catch (UncheckedIOException e) {
            err.println("quantplug: error: exchange '" + exchange + "' failed: " + e.getMessage());
            return QuantplugCli.EXCHANGE_UNAVAILABLE;
        }
        return QuantplugCli.OK;
    }

    private static void audit(Store store, Instrument instrument, Timeframe tf, String detail) {
        store.audit().append(Store.processUser(), "data.downloaded", "bars/" + instrument.id() + "/" + tf.label(),
                detail);
    }
}
