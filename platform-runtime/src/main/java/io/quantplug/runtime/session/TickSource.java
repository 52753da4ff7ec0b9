package io.quantplug.runtime.session;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;

/**
 * A {@link BarSource} of ticks: trades and order-book updates, with bars made of the trades, all in one time order.
 * A session on it pulls bars as from any bar source, and the source hands the ticks that come before each bar to a
 * {@link TickSink} on the way ({@link #next(TickSink)}): strategies get {@code onTrade} and {@code onOrderBook}
 * between their {@code onBar}s, and the venue matches on the ticks.
 *
 * <p>Time order: every event's time is no earlier than the one before it; a bar is handed over once its close time
 * is reached, before the first tick at or after it. Streams: memory does not grow with the data.
 *
 * <p>Threading: the engine thread calls {@link #startMillis()} and {@link #next(TickSink)}; {@link #stop()} may be
 * called from any thread.
 */
public interface TickSource extends BarSource {

    /**
     * The time of the source's first event, read ahead without handing it over.
     *
     * @return UTC epoch milliseconds, or -1 when the source has no event at all
     */
    long startMillis();

    /**
     * Hands the ticks before the next bar to a sink, then returns that bar.
     *
     * @param sink receives each trade and book update, in time order, on the calling thread
     * @return the next bar, or null when the data has ended (the ticks after the last bar handed over first) or the
     *         source was stopped
     */
    Bar next(TickSink sink);

    /**
     * The next bar, the ticks before it passed over: the same as {@link #next(TickSink)} with a sink that drops
     * them, for callers that want the bars only.
     *
     * @return the next bar, or null at the end
     */
    @Override
    default Bar next() {
        return next(new TickSink() {
            @Override
            public void onTrade(TradeTick trade) {
            }

            @Override
            public void onOrderBook(OrderBookView book) {
            }
        });
    }
}
