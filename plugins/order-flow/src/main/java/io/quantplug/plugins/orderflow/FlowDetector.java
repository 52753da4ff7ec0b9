package io.quantplug.plugins.orderflow;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.orderflow.SpoofDetector;
import io.quantplug.sdk.orderflow.WhaleDetector;

/**
 * {@code order-flow-detector}: watches the tape and the book and tells the session's other instances what it sees
 * ({@link StrategyContext#publish}); it never trades.
 *
 * <ul>
 *   <li>{@link MarketObservation#WHALE_TRADE}: a trade at least {@code whaleMultiple} times the rolling median of the
 *       last {@code whaleTrades} trade sizes ({@link WhaleDetector}); side the aggressor's.</li>
 *   <li>{@link MarketObservation#WHALE_ORDER}: a level among the best {@code bookDepth} of a side at least
 *       {@code whaleMultiple} times the rolling median of the last {@code whaleLevels} level sizes; published when
 *       the first whale level of that side appears or moves to another price, not on every update while it
 *       rests.</li>
 *   <li>{@link MarketObservation#SPOOF}: a large level canceled soon without trading ({@link SpoofDetector} with
 *       {@code spoofMultiple}, {@code spoofSeconds} and an 80 % cancel share); side the level's, price its price,
 *       quantity the large-level threshold ({@code spoofMultiple} times the median level size).</li>
 * </ul>
 *
 * <p>State is rebuilt from the data after a hot swap (nothing to hand over). Engine thread only.
 */
final class FlowDetector implements Strategy {

    private final StrategyContext ctx;
    private final int bookDepth;
    private final WhaleDetector trades;
    private final WhaleDetector levels;
    private final SpoofDetector spoofs;
    private double lastWhaleBid = Double.NaN;
    private double lastWhaleAsk = Double.NaN;
    private final double spoofMultiple;
    private long bidSpoofsSeen;
    private long askSpoofsSeen;

    FlowDetector(StrategyContext ctx, int whaleTrades, int whaleLevels, double whaleMultiple, int bookDepth,
                 double spoofMultiple, long spoofMillis) {
        this.ctx = ctx;
        this.bookDepth = bookDepth;
        this.trades = new WhaleDetector(whaleTrades, whaleMultiple);
        this.levels = new WhaleDetector(whaleLevels, whaleMultiple);
        this.spoofs = new SpoofDetector(bookDepth, whaleLevels, spoofMultiple, spoofMillis, 0.8, 256);
        this.spoofMultiple = spoofMultiple;
    }

    @Override
    public void onBar(Bar bar) {
    }

    @Override
    public void onTrade(TradeTick trade) {
        spoofs.onTrade(trade.price(), trade.quantity(), trade.aggressor());
        if (trades.observe(trade.quantity())) {
            publish(MarketObservation.WHALE_TRADE, trade.aggressor(), trade.price(), trade.quantity());
        }
    }

    @Override
    public void onOrderBook(OrderBookView book) {
        int bid = levels.firstWhaleBid(book, bookDepth);
        int ask = levels.firstWhaleAsk(book, bookDepth);
        lastWhaleBid = announce(bid < 0 ? Double.NaN : book.bidPrice(bid), lastWhaleBid, Side.BUY,
                bid < 0 ? 0 : book.bidQuantity(bid));
        lastWhaleAsk = announce(ask < 0 ? Double.NaN : book.askPrice(ask), lastWhaleAsk, Side.SELL,
                ask < 0 ? 0 : book.askQuantity(ask));
        for (int i = 0, n = Math.min(bookDepth, book.bidLevels()); i < n; i++) {
            levels.record(book.bidQuantity(i));
        }
        for (int i = 0, n = Math.min(bookDepth, book.askLevels()); i < n; i++) {
            levels.record(book.askQuantity(i));
        }
        spoofs.onBook(book);
        double large = spoofMultiple * levels.median();
        if (spoofs.bidSpoofs() > bidSpoofsSeen) {
            publish(MarketObservation.SPOOF, Side.BUY, spoofs.lastSpoofPrice(), large);
            bidSpoofsSeen = spoofs.bidSpoofs();
        }
        if (spoofs.askSpoofs() > askSpoofsSeen) {
            publish(MarketObservation.SPOOF, Side.SELL, spoofs.lastSpoofPrice(), large);
            askSpoofsSeen = spoofs.askSpoofs();
        }
    }

    /** Publishes a whale level when one appears at a new price; returns the price now shown (NaN for none). */
    private double announce(double price, double last, Side side, double quantity) {
        if (!Double.isNaN(price) && price != last) {
            publish(MarketObservation.WHALE_ORDER, side, price, quantity);
        }
        return price;
    }

    private void publish(String kind, Side side, double price, double quantity) {
        if (price > 0 && quantity > 0 && Double.isFinite(price + quantity)) {
            ctx.publish(new MarketObservation(kind, ctx.instrument().id(), side, price, quantity,
                    ctx.clock().millis()));
        }
    }
}
