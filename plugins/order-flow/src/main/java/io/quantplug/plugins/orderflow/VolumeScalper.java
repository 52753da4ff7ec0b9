package io.quantplug.plugins.orderflow;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.sdk.orderflow.BookImbalance;
import io.quantplug.sdk.orderflow.Footprint;
import io.quantplug.sdk.orderflow.VolumeProfile;
import io.quantplug.sdk.orderflow.WhaleDetector;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code volume-scalper} strategy: mean reversion inside a rolling volume profile's value area, on trades and
 * book updates, long or flat (spot; it never asks for a short).
 *
 * <p>State: a {@link VolumeProfile} of the last {@code profileSeconds} of trades ({@code binSize} bins, value area
 * {@code valueAreaPercent}), the {@link BookImbalance} of the best {@code bookDepth} levels at the last book update,
 * a {@link WhaleDetector} over the last {@code whaleTrades} trade sizes, another over the last {@code whaleLevels}
 * resting level sizes (the best {@code bookDepth} of each side at every book update, recorded after the update is
 * checked), and a {@link Footprint} of
 * {@code footprintSeconds} bars (absorption judged with {@code absorptionBars}, {@code absorptionMultiple} and
 * {@code absorptionProgressBins}) whose current bar, and the last completed bar's absorption, are attached to each
 * signal ({@link FootprintScores}) for the {@code footprint} enhancer.
 *
 * <p>Rules, evaluated after every trade and every book update at the last trade price {@code p} and the clock
 * {@code now}:
 * <ul>
 *   <li>Entry (flat): the profile holds at least {@code minProfileTrades} trades, {@code |p - VAL| <= VAL * edge}
 *       (at the value area low), the book imbalance is at least {@code minImbalance}, no whale trade whose taker
 *       sold printed in the last {@code whaleQuietSeconds}, and at the last book update no ask level among the best
 *       {@code bookDepth} was a whale (a wall of supply above): emit LONG and remember {@code p} and {@code now} as the
 *       entry; a timer is set for {@code now + maxHoldSeconds}.</li>
 *   <li>Exit (long), the first that holds: {@code p >= entry * (1 + takeProfit)} (target),
 *       {@code p <= entry * (1 - stopLoss)} (stop), {@code p >= VAH * (1 - edge)} with an imbalance at most
 *       {@code -minImbalance} (value area high, the book leaning to the asks); or the max-hold timer firing: emit
 *       FLAT.</li>
 * </ul>
 * The entry price is the decision price (the last trade), not the fill price: the strategy assumes its signals are
 * followed and counts its target and stop from where it decided. Bars are ignored.
 *
 * <p>Hot swap: {@link #snapshot()} hands over the position (entry price and time, the max-hold deadline) and the
 * time of the last whale sell; the profile, book imbalance and footprint are not carried: the new instance rebuilds
 * them from the next trades and makes no entry before {@code minProfileTrades} of them. The profile window holds
 * at most 200,000 trades (the oldest leave first), a window or a footprint bar at most 20,000 bins. Engine thread
 * only.
 */
public final class VolumeScalper implements Strategy {

    static final String FORMAT = "volume-scalper/1";
    static final String MAX_HOLD_TIMER = "max-hold";
    private static final int PROFILE_MAX_TRADES = 200_000;
    private static final int MAX_BINS = 20_000;
    private static final Set<String> STATE_KEYS = Set.of("long", "entryPrice", "entryMillis",
            "deadlineMillis", "lastWhaleSellMillis");

    private final StrategyContext context;
    private final ScalperSettings settings;
    private final VolumeProfile profile;
    private final Footprint footprint;
    private final BookImbalance bookImbalance;
    private final WhaleDetector whales;
    private final WhaleDetector bookWhales;
    private boolean whaleAsk;
    private double lastPrice = Double.NaN;
    private double imbalance = Double.NaN;
    private long lastWhaleSellMillis = Long.MIN_VALUE;
    private boolean holding;
    private double entryPrice = Double.NaN;
    private long entryMillis;
    private long deadlineMillis;

    VolumeScalper(StrategyContext context, ScalperSettings settings) {
        this.context = context;
        this.settings = settings;
        this.profile = new VolumeProfile(settings.binSize(), settings.profileMillis(), settings.valueAreaFraction(),
                PROFILE_MAX_TRADES, MAX_BINS);
        this.footprint = new Footprint(settings.binSize(), settings.footprintMillis(), MAX_BINS,
                settings.absorptionBars(), settings.absorptionMultiple(), settings.absorptionProgressBins());
        this.bookImbalance = new BookImbalance(settings.bookDepth());
        this.whales = new WhaleDetector(settings.whaleTrades(), settings.whaleMultiple());
        this.bookWhales = new WhaleDetector(settings.whaleLevels(), settings.whaleMultiple());
    }

    @Override
    public void onBar(Bar bar) {
    }

    /**
     * A whale sell another instance saw (an {@code order-flow-detector}, say) starts the quiet period as one this
     * scalper saw itself.
     *
     * @param publisher   the publishing instance
     * @param observation what it saw
     */
    @Override
    public void onObservation(String publisher, MarketObservation observation) {
        if (MarketObservation.WHALE_TRADE.equals(observation.kind()) && observation.side() == Side.SELL) {
            lastWhaleSellMillis = Math.max(lastWhaleSellMillis, observation.timeMillis());
        }
    }

    @Override
    public void onTrade(TradeTick trade) {
        profile.update(trade);
        footprint.update(trade);
        if (whales.observe(trade.quantity()) && trade.aggressor() == Side.SELL) {
            lastWhaleSellMillis = trade.timeMillis();
        }
        lastPrice = trade.price();
        decide();
    }

    @Override
    public void onOrderBook(OrderBookView book) {
        imbalance = bookImbalance.compute(book);
        int depth = settings.bookDepth();
        whaleAsk = bookWhales.firstWhaleAsk(book, depth) >= 0;
        for (int i = 0, n = Math.min(depth, book.bidLevels()); i < n; i++) {
            bookWhales.record(book.bidQuantity(i));
        }
        for (int i = 0, n = Math.min(depth, book.askLevels()); i < n; i++) {
            bookWhales.record(book.askQuantity(i));
        }
        if (!Double.isNaN(lastPrice)) {
            decide();
        }
    }

    @Override
    public void onTimer(TimerEvent timer) {
        if (holding && MAX_HOLD_TIMER.equals(timer.name()) && timer.timeMillis() == deadlineMillis) {
            exit(context.clock().millis(), "held " + (deadlineMillis - entryMillis) / 1_000 + " s, the maximum");
        }
    }

    private void decide() {
        long now = context.clock().millis();
        double p = lastPrice;
        if (holding) {
            if (p >= entryPrice * (1 + settings.takeProfit())) {
                exit(now, String.format(Locale.ROOT, "target: %s >= entry %s + %.1f bps", p, entryPrice,
                        settings.takeProfit() * 1e4));
            } else if (p <= entryPrice * (1 - settings.stopLoss())) {
                exit(now, String.format(Locale.ROOT, "stop: %s <= entry %s - %.1f bps", p, entryPrice,
                        settings.stopLoss() * 1e4));
            } else if (p >= profile.valueAreaHigh() * (1 - settings.edge())
                    && imbalance <= -settings.minImbalance()) {
                exit(now, String.format(Locale.ROOT, "value area high %s reached at %s, book imbalance %.3f",
                        profile.valueAreaHigh(), p, imbalance));
            }
            return;
        }
        double val = profile.valueAreaLow();
        boolean warm = profile.tradeCount() >= settings.minProfileTrades();
        boolean atLow = Math.abs(p - val) <= val * settings.edge();
        boolean quiet = settings.whaleQuietMillis() == 0 || lastWhaleSellMillis == Long.MIN_VALUE
                || now - lastWhaleSellMillis >= settings.whaleQuietMillis();
        if (warm && atLow && imbalance >= settings.minImbalance() && quiet && !whaleAsk) {
            holding = true;
            entryPrice = p;
            entryMillis = now;
            deadlineMillis = now + settings.maxHoldMillis();
            context.scheduleTimer(MAX_HOLD_TIMER, deadlineMillis);
            emit(SignalDirection.LONG, now, String.format(Locale.ROOT,
                    "at value area low %s (POC %s, VAH %s): %s, book imbalance %.3f", val, profile.pointOfControl(),
                    profile.valueAreaHigh(), p, imbalance));
        }
    }

    private void exit(long now, String reason) {
        holding = false;
        entryPrice = Double.NaN;
        emit(SignalDirection.FLAT, now, reason);
    }

    private void emit(SignalDirection direction, long now, String reason) {
        Signal signal = new Signal(context.instrument().id(), direction, 1.0, 1.0, now, "volume-scalper " + reason,
                Map.of());
        context.emit(FootprintScores.attach(signal, footprint, settings.imbalanceRatio()));
    }

    /**
     * Whether the strategy holds (believes it holds) a long position.
     *
     * @return true between a LONG and the next FLAT signal
     */
    boolean isLong() {
        return holding;
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(FORMAT, Map.of(
                "long", Boolean.toString(holding),
                "entryPrice", Double.toString(entryPrice),
                "entryMillis", Long.toString(entryMillis),
                "deadlineMillis", Long.toString(deadlineMillis),
                "lastWhaleSellMillis", Long.toString(lastWhaleSellMillis)));
    }

    @Override
    public boolean restore(StateSnapshot snapshot) {
        Map<String, String> v = snapshot.values();
        if (!FORMAT.equals(snapshot.format()) || !v.keySet().containsAll(STATE_KEYS)) {
            return false;
        }
        holding = Boolean.parseBoolean(v.get("long"));
        entryPrice = Double.parseDouble(v.get("entryPrice"));
        entryMillis = Long.parseLong(v.get("entryMillis"));
        deadlineMillis = Long.parseLong(v.get("deadlineMillis"));
        lastWhaleSellMillis = Long.parseLong(v.get("lastWhaleSellMillis"));
        return true;
    }
}
