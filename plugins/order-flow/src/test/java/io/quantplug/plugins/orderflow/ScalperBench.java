package io.quantplug.plugins.orderflow;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a {@link VolumeScalper} as the engine would, on the test kit's hand-written fake context: the clock moves to
 * each event's time, then the callback runs. Small settings whose outcomes a hand calculation gives: 1-unit bins, a
 * 60 s profile, 70 % value area, 5 trades of warm-up, 10 bps edge, 2 book levels, imbalance 0.2, whales 5x the
 * median of 10 trades (30 s of quiet after a whale sell) or of 10 resting level sizes, 50 bps target and stop,
 * 120 s max hold, 60 s footprint bars, ratio 3.
 */
final class ScalperBench {

    static final Instrument BTCUSDT = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("10"));
    static final long T0 = Instant.parse("2024-08-08T23:55:00Z").toEpochMilli();

    final FakeStrategyContext context;
    final VolumeScalper scalper;
    private int tradeIds;

    ScalperBench(Map<String, ?> overrides) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("binSize", 1, "profileSeconds", 60,
                "valueAreaPercent", 70, "minProfileTrades", 5, "edgeBps", 10, "bookDepth", 2, "minImbalance", "0.2",
                "whaleTrades", 10, "whaleMultiple", 5, "whaleQuietSeconds", 30));
        p.putAll(Map.of("takeProfitBps", 50, "stopLossBps", 50, "maxHoldSeconds", 120, "footprintSeconds", 60,
                "imbalanceRatio", 3, "whaleLevels", 10));
        p.putAll(overrides);
        context = new FakeStrategyContext(BTCUSDT).instanceId("volume-scalper-1")
                .parameters(TestParameters.of(new VolumeScalperProvider(), p)).at(T0);
        scalper = (VolumeScalper) new VolumeScalperProvider().create(context);
    }

    ScalperBench() {
        this(Map.of());
    }

    void trade(long atMillis, double price, double quantity, Side aggressor) {
        context.at(T0 + atMillis);
        scalper.onTrade(new TradeTick(BTCUSDT.id(), T0 + atMillis, price, quantity, aggressor,
                Integer.toString(++tradeIds)));
    }

    /** A book of two levels a side: bids {@code bid0} at 101.0 and {@code bid1} at 100.9, asks 101.2 and 101.3. */
    void book(long atMillis, double bid0, double bid1, double ask0, double ask1) {
        context.at(T0 + atMillis);
        scalper.onOrderBook((OrderBookView) new OrderBookSnapshot(BTCUSDT.id(), T0 + atMillis,
                List.of(new BookLevel(101.0, bid0), new BookLevel(100.9, bid1)),
                List.of(new BookLevel(101.2, ask0), new BookLevel(101.3, ask1))));
    }

    void timer(long atMillis) {
        context.at(T0 + atMillis);
        scalper.onTimer(new TimerEvent(VolumeScalper.MAX_HOLD_TIMER, T0 + atMillis));
    }

    /**
     * The ladder of the SDK's value-area test, bought at the ask at times 0..600 ms: rows 100..106 hold 5, 10, 20,
     * 40, 15, 5, 5 (POC 103, value area 101..103); then a book leaning to the bids, imbalance (4 - 2) / 6 = 1/3.
     */
    void ladderAndBidBook() {
        double[] volumes = {5, 10, 20, 40, 15, 5, 5};
        for (int i = 0; i < volumes.length; i++) {
            trade(i * 100L, 100.5 + i, volumes[i], Side.BUY);
        }
        book(700, 3, 1, 1, 1);
    }
}
