package io.quantplug.app;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.store.BarCoverage;
import io.quantplug.runtime.store.BarStore;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Downloads the bars of one instrument and timeframe that the store lacks in a range, through an exchange adapter,
 * into the store ({@code quantplug data download}).
 *
 * <p>What it fetches: the holes {@link BarStore#coverage} finds in the range — before the first stored bar, between
 * stored bars, after the last — so a second run over the same range asks for nothing, and a run stopped half-way
 * leaves a hole the next run fills. A hole the venue itself has (a maintenance window, the time before a listing)
 * stays a hole and is asked for again on every run, one chunk request each.
 *
 * <p>How: each hole is fetched oldest first in chunks of at most {@code chunkBars} bar lengths, each chunk one
 * {@link ExchangeAdapter#historicalBars} call (the adapter pages within its weight limits) written to the store as
 * one transaction before the next is asked for, so memory holds one chunk and what was stored stays stored when the
 * exchange fails. Blocks on the adapter's network I/O; one download per instance at a time.
 */
public final class BarDownload {

    /** Default chunk: 5,000 bars, five pages of Binance spot klines, about 3.5 days of 1-minute bars. */
    public static final int DEFAULT_CHUNK_BARS = 5_000;

    private final ExchangeAdapter adapter;
    private final BarStore store;
    private final int chunkBars;

    /**
     * What a download did.
     *
     * @param fetched       bars the exchange sent and the store added
     * @param alreadyStored bars of the range the store held before the download
     * @param holes         the holes asked for, oldest first (empty when nothing was missing)
     * @param slotsAsked    bar slots in those holes; {@code slotsAsked - fetched} is what the venue has no bar for
     */
    public record Result(long fetched, long alreadyStored, List<BarCoverage.Hole> holes, long slotsAsked) {

        /**
         * Copies the list.
         *
         * @param fetched       bars added
         * @param alreadyStored bars held before
         * @param holes         holes asked for
         * @param slotsAsked    bar slots in them
         */
        public Result {
            holes = List.copyOf(holes);
        }
    }

    /**
     * Creates a download.
     *
     * @param adapter   an adapter with {@code HISTORICAL_BARS} (see {@link ExchangeAdapters#open})
     * @param store     where bars go
     * @param chunkBars most bar lengths per adapter call and store transaction, 1 to 1,000,000
     * @throws IllegalArgumentException when {@code chunkBars} is out of range
     */
    public BarDownload(ExchangeAdapter adapter, BarStore store, int chunkBars) {
        if (chunkBars < 1 || chunkBars > 1_000_000) {
            throw new IllegalArgumentException("chunkBars = " + chunkBars + " is out of range: allowed 1 .. 1000000");
        }
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.store = Objects.requireNonNull(store, "store");
        this.chunkBars = chunkBars;
    }

    /**
     * Fetches what the store lacks of {@code [fromMillis, toMillis)} and stores it with the instrument's rules.
     *
     * @param instrument the instrument, as the adapter lists it (its id keys the stored series)
     * @param timeframe  the bar length
     * @param fromMillis first open time, inclusive, UTC epoch milliseconds
     * @param toMillis   end, exclusive; after {@code fromMillis}
     * @param progress   told the bar slots done and in total after each chunk, on the calling thread
     * @return what was fetched and what was there
     * @throws DownloadStoppedException when the exchange fails (I/O or an error answer); the chunks stored before
     *                                  stay stored
     * @throws UserInputException       when the adapter refuses the request itself (e.g. a timeframe it has no
     *                                  interval for)
     * @throws io.quantplug.runtime.QuantplugException when the store fails or a fetched bar differs from a stored one
     */
    public Result run(Instrument instrument, Timeframe timeframe, long fromMillis, long toMillis,
                      BacktestProgress progress) {
        BarCoverage coverage = store.coverage(instrument.id(), timeframe, fromMillis, toMillis);
        long total = coverage.missingSlots(timeframe);
        long done = 0;
        long fetched = 0;
        long step = timeframe.millis();
        progress.onProgress(0, total);
        for (BarCoverage.Hole hole : coverage.missing()) {
            for (long start = hole.fromMillis(); start < hole.toMillis(); ) {
                long end = Math.min(hole.toMillis(), start + chunkBars * step);
                List<Bar> bars = fetch(instrument, timeframe, start, end, fetched);
                if (!bars.isEmpty()) {
                    fetched += store.importBars(instrument, toSeries(bars, timeframe)).inserted();
                }
                done += new BarCoverage.Hole(start, end).slots(timeframe);
                progress.onProgress(done, total);
                start = end;
            }
        }
        return new Result(fetched, coverage.storedBars(), coverage.missing(), total);
    }

    private List<Bar> fetch(Instrument instrument, Timeframe timeframe, long start, long end, long fetchedSoFar) {
        try {
            return adapter.historicalBars(instrument.id(), timeframe, start, end);
        } catch (UncheckedIOException e) {
            throw new DownloadStoppedException(adapter.id(), start, fetchedSoFar, e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("exchange adapter '" + adapter.id() + "' refused the request: "
                    + e.getMessage());
        }
    }

    /** The adapter's bars (ascending open time, one timeframe) as columns for the store. */
    static BarSeries toSeries(List<Bar> bars, Timeframe timeframe) {
        int n = bars.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            time[i] = b.openTimeMillis();
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
        }
        return BarSeries.of(timeframe, time, open, high, low, close, volume);
    }
}
