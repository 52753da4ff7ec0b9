package io.quantplug.api.exchange;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;

import java.util.List;
import java.util.Set;

/**
 * A connection to one venue. Methods other than {@link #capabilities()} may do network I/O and block; the runtime
 * never calls them from the engine thread. A method outside {@link #capabilities()} throws
 * {@link UnsupportedCapabilityException}; I/O failures surface as {@link java.io.UncheckedIOException}.
 */
public interface ExchangeAdapter extends AutoCloseable {

    /**
     * What this adapter can do.
     *
     * @return the declared capabilities, the same on every call
     */
    Set<ExchangeCapability> capabilities();

    /**
     * The id of the provider that created this adapter, for messages.
     *
     * @return the provider id
     */
    String id();

    /**
     * Instrument metadata ({@link ExchangeCapability#INSTRUMENTS}).
     *
     * @return the venue's instruments
     */
    default List<Instrument> instruments() {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.INSTRUMENTS);
    }

    /**
     * Past bars ({@link ExchangeCapability#HISTORICAL_BARS}).
     *
     * @param instrument the instrument
     * @param timeframe  bar length
     * @param fromMillis first open time, inclusive, UTC epoch milliseconds
     * @param toMillis   last open time, exclusive, UTC epoch milliseconds
     * @return bars in ascending open time
     */
    default List<Bar> historicalBars(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.HISTORICAL_BARS);
    }

    /**
     * Starts delivering live events for the given instruments to a listener
     * ({@link ExchangeCapability#LIVE_BARS}, {@link ExchangeCapability#LIVE_TRADES},
     * {@link ExchangeCapability#LIVE_ORDER_BOOK}, and order events when {@link ExchangeCapability#ORDER_EXECUTION}).
     *
     * @param instruments the instruments to stream
     * @param timeframe   bar length for bar streams, or null for none
     * @param listener    where to deliver events
     */
    default void connect(List<InstrumentId> instruments, Timeframe timeframe, ExchangeListener listener) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.LIVE_BARS);
    }

    /**
     * Starts delivering the venue's market-stream messages unchanged, for recording
     * ({@link ExchangeCapability#RAW_MARKET_STREAMS}): every message of the named streams of the instruments, as the
     * venue sent it, and a REST order-book snapshot of each instrument whose depth stream is named, fetched after the
     * depth stream is subscribed and again after each reconnect (so a replay can rebuild the book). The adapter
     * reconnects by itself until {@link #close()}. Stream names and the text of messages are the venue's own (what a
     * recording of this venue holds); the adapter's documentation lists the names it accepts. Returns once the
     * connection is being opened; messages arrive on the adapter's threads.
     *
     * <p>The default throws, so adapters written before this method keep compiling and are refused with a clear
     * message.
     *
     * @param instruments the instruments, on this adapter's venue, at least one
     * @param streams     the venue's stream kinds to subscribe per instrument (e.g. Binance {@code trade},
     *                    {@code depth}, {@code bookTicker}), at least one
     * @param listener    receives the messages, snapshots and connection changes
     * @throws UnsupportedCapabilityException when the adapter cannot deliver raw messages
     * @throws IllegalArgumentException       when a stream name is unknown (the message lists the allowed ones), an
     *                                        instrument is on another venue, or a list is empty
     * @throws IllegalStateException          when the adapter is already connected or closed
     */
    default void connectRaw(List<InstrumentId> instruments, List<String> streams, RawMarketListener listener) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.RAW_MARKET_STREAMS);
    }

    /**
     * Sends an order ({@link ExchangeCapability#ORDER_EXECUTION}); the outcome arrives as order events.
     *
     * @param order the order, already rounded to the instrument's tick and lot size
     */
    default void submit(Order order) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.ORDER_EXECUTION);
    }

    /**
     * Cancels an order ({@link ExchangeCapability#ORDER_EXECUTION}).
     *
     * @param instrument    the order's instrument
     * @param clientOrderId the order
     */
    default void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.ORDER_EXECUTION);
    }

    /**
     * The ids of our working orders on the venue, for reconciliation after a restart
     * ({@link ExchangeCapability#ORDER_EXECUTION}).
     *
     * @param instrument the instrument
     * @return client order ids of the working orders
     */
    default List<ClientOrderId> openOrders(InstrumentId instrument) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.ORDER_EXECUTION);
    }

    /**
     * The account's trades of an instrument with id &ge; {@code fromTradeId}, oldest first, at most {@code limit}
     * ({@link ExchangeCapability#ORDER_EXECUTION}): what a restarted session compares with the fills it stored to
     * find fills it missed while down. The default throws: an adapter that cannot list trades lets the session
     * reconcile open orders and balances only.
     *
     * @param instrument  the instrument
     * @param fromTradeId the first trade id wanted, &ge; 0
     * @param limit       most trades answered, 1 to 1000
     * @return the trades, possibly none
     * @throws UnsupportedCapabilityException when the adapter cannot list the account's trades
     */
    default List<AccountTrade> accountTrades(InstrumentId instrument, long fromTradeId, int limit) {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.ORDER_EXECUTION);
    }

    /**
     * Account balances ({@link ExchangeCapability#BALANCES}).
     *
     * @return one balance per asset held
     */
    default List<Balance> balances() {
        throw new UnsupportedCapabilityException(id(), ExchangeCapability.BALANCES);
    }

    /** Disconnects and releases resources; idempotent. */
    @Override
    void close();
}
