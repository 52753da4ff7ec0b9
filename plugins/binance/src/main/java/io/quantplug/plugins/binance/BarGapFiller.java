package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the live bars of each instrument continuous: passes on every event, and for bars remembers the last open
 * time delivered. A bar at or before it is a repeat and is dropped; a bar after a gap (the stream was down, and
 * Binance does not replay missed klines) is preceded by the missing bars, fetched over REST klines for
 * {@code [last + timeframe, bar open)}. Exchange maintenance leaves real gaps, which REST returns empty: then
 * nothing is added. A failed fetch is logged and the gap stays (the live bar is still delivered).
 *
 * <p>Threading: called on the market stream thread only (one connection), so the REST call blocks that stream for
 * one request; the socket's messages wait meanwhile (nothing is lost) and bars stay in order.
 */
final class BarGapFiller implements ExchangeListener {

    /** Where missing bars come from: {@link BinanceAdapter#historicalBars}. */
    @FunctionalInterface
    interface History {
        List<Bar> bars(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis);
    }

    private static final System.Logger LOG = System.getLogger(BarGapFiller.class.getName());

    private final ExchangeListener target;
    private final History history;
    private final Map<InstrumentId, Long> lastOpen = new HashMap<>();
    private long repeats;
    private long filled;

    BarGapFiller(ExchangeListener target, History history) {
        this.target = Objects.requireNonNull(target, "target");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public void onBar(Bar bar) {
        Long last = lastOpen.get(bar.instrument());
        if (last != null && bar.openTimeMillis() <= last) {
            repeats++;
            return;
        }
        long step = bar.timeframe().millis();
        if (last != null && bar.openTimeMillis() > last + step) {
            try {
                for (Bar missing : history.bars(bar.instrument(), bar.timeframe(), last + step,
                        bar.openTimeMillis())) {
                    if (missing.openTimeMillis() > lastOpen.get(bar.instrument())) {
                        deliver(missing);
                        filled++;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, bar.instrument() + ": filling the bars from " + (last + step)
                        + " to " + bar.openTimeMillis() + " over REST failed; the gap stays", e);
            }
        }
        deliver(bar);
    }

    private void deliver(Bar bar) {
        lastOpen.put(bar.instrument(), bar.openTimeMillis());
        target.onBar(bar);
    }

    /** Repeated bars dropped so far. */
    long repeats() {
        return repeats;
    }

    /** Missing bars delivered from REST so far. */
    long filled() {
        return filled;
    }

    @Override
    public void onTrade(TradeTick trade) {
        target.onTrade(trade);
    }

    @Override
    public void onOrderBook(OrderBookSnapshot book) {
        target.onOrderBook(book);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        target.onOrderEvent(event);
    }

    @Override
    public void onConnectionChange(boolean connected, String detail) {
        target.onConnectionChange(connected, detail);
    }
}
