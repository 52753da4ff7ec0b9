package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.data.BarFileCache;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.Gap;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.store.Store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Bars a run trades and the instrument they are of, read from a bar file or from the store, as {@code backtest}
 * and {@code optimize} take them; each says what it read in one line.
 *
 * @param series     the bars
 * @param instrument their instrument, with the command's overrides
 */
record BarInput(BarSeries series, Instrument instrument) {

    /**
     * Refuses options that name no bars, or both a file and stored bars.
     *
     * @param data        the {@code --data} file, or null
     * @param instruments the instrument options ({@code --symbol})
     * @param timeframe   the {@code --timeframe} text, or null
     * @param from        the {@code --from} text, or null
     * @param to          the {@code --to} text, or null
     * @throws UserInputException when neither or both are given
     */
    static void requireOneSource(Path data, InstrumentOptions instruments, String timeframe, String from,
                                 String to) {
        if (data == null && (instruments.symbol == null || timeframe == null)) {
            throw new UserInputException("give --data FILE, or --symbol and --timeframe to use bars from the store");
        }
        if (data != null && (timeframe != null || from != null || to != null)) {
            throw new UserInputException("--timeframe, --from and --to select stored bars; they do not go with --data");
        }
    }

    /**
     * Reads a bar file (through the home's parsed-bar cache unless {@code noCache}).
     *
     * @param data        the file
     * @param noCache     parse it even when cached
     * @param common      the common options (the home)
     * @param instruments the instrument options
     * @param info        where the "Data:" line goes
     * @param err         where a note on gaps goes
     * @return the bars and their instrument
     */
    static BarInput fromFile(Path data, boolean noCache, CommonOptions common, InstrumentOptions instruments,
                             PrintWriter info, PrintWriter err) {
        LoadedBars loaded = noCache ? new BarFileReader().read(data)
                : new BarFileCache(common.home().resolve("cache").resolve("bars"))
                        .read(data, new BarFileReader()::read);
        BarSeries series = loaded.series();
        Instrument instrument = instruments.resolve(data, series);
        info.println("Data: " + loaded.report().bars() + " bars of " + loaded.report().timeframe() + " from "
                + data.getFileName() + (loaded.report().reversed() ? " (newest-first file, reversed)" : "")
                + (loaded.report().exactDuplicatesDropped() > 0
                ? ", " + loaded.report().exactDuplicatesDropped() + " exact duplicate rows dropped" : ""));
        if (!loaded.report().gapFree()) {
            Gap first = loaded.report().gaps().get(0);
            err.println("quantplug: note: the data has " + loaded.report().gaps().size() + " gap(s), "
                    + loaded.report().missingBars() + " missing bars; the first after "
                    + Instant.ofEpochMilli(first.lastBarBeforeMillis()) + " (gaps are not filled)");
        }
        return new BarInput(series, instrument);
    }

    /**
     * Reads a stored series.
     *
     * @param store       the open store
     * @param instruments the instrument options ({@code --symbol}, {@code --venue} and overrides)
     * @param timeframe   the {@code --timeframe} text
     * @param from        the {@code --from} text, or null
     * @param to          the {@code --to} text, or null
     * @param info        where the "Data:" line goes
     * @return the bars and their instrument
     * @throws UserInputException when the instrument is not stored or fewer than 2 bars are in the range
     */
    static BarInput fromStore(Store store, InstrumentOptions instruments, String timeframe, String from, String to,
                              PrintWriter info) {
        InstrumentId id = InstrumentId.of(instruments.symbol, instruments.venue);
        Timeframe tf = DataCommand.parseTimeframe(timeframe);
        long fromMillis = from == null ? Long.MIN_VALUE : BacktestCommand.parseTime("--from", from);
        long toMillis = to == null ? Long.MAX_VALUE : BacktestCommand.parseTime("--to", to);
        Instrument stored = store.bars().instrument(id).orElseThrow(() -> new UserInputException(
                "no bars of " + id + " in the store (see 'quantplug data list')"));
        BarSeries series = store.bars().read(id, tf, fromMillis, toMillis);
        if (series.size() < 2) {
            throw new UserInputException(series.size() + " stored bar(s) of " + id + " " + tf.label()
                    + (from != null || to != null ? " in the range" : "") + "; a backtest needs at least 2"
                    + " (see 'quantplug data list')");
        }
        info.println("Data: " + series.size() + " bars of " + tf.label() + " from the store, "
                + Instant.ofEpochMilli(series.openTimeMillis(0)) + " .. "
                + Instant.ofEpochMilli(series.openTimeMillis(series.size() - 1)));
        return new BarInput(series, instruments.override(stored));
    }
}
