package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.runtime.analytics.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.runtime.internal.engine.EngineFixtures.MINUTE;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.T0;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead, shown by feeding a session one bar at a time: (a) what is recorded up to bar {@code k} is the same
 * whatever bars come after it, and (b) no order fills on a bar its strategy had already seen when it decided.
 *
 * <p>The strategy is a 10-bar breakout read from the history window (LONG when the close tops the previous ten
 * highs, FLAT when it breaks the previous ten lows) with a protective sell stop 2 % under each entry; fee 10 bps,
 * slippage 5 bps. The price path is a fixed formula with opening gaps, so a fill at a close instead of the next open
 * would show.
 */
class NoLookAheadTest {

    private static final int BARS = 240;
    private static final int K = 150;
    private static final int LOOKBACK = 10;

    /** A deterministic path: two sine waves, each bar opening away from the previous close. */
    private static List<Bar> path(int from, int to, double level, double amplitude, double period) {
        List<Bar> bars = new ArrayList<>();
        double prevClose = level;
        for (int i = from; i < to; i++) {
            double close = level + amplitude * Math.sin(i / period) + 0.3 * amplitude * Math.sin(i / 2.7);
            double open = prevClose + 0.35 * Math.sin(i * 1.3) + 0.1;
            double high = Math.max(open, close) + 0.4 + 0.2 * Math.abs(Math.sin(i));
            double low = Math.min(open, close) - 0.4 - 0.2 * Math.abs(Math.cos(i));
            bars.add(bar(i, round(open), round(high), round(low), round(close)));
            prevClose = close;
        }
        return bars;
    }

    private static double round(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The breakout strategy; records, per order, the index of the last bar it had seen when it submitted it. */
    static final class Breakout implements Strategy {
        final Map<ClientOrderId, Integer> lastSeenAtSubmit = new HashMap<>();
        final Map<ClientOrderId, Boolean> fromFillCallback = new HashMap<>();
        private final StrategyContext ctx;
        private final Map<Long, Integer> indexByOpen;
        private int lastSeen = -1;
        private ClientOrderId stop;
        private boolean inFillCallback;

        Breakout(StrategyContext ctx, Map<Long, Integer> indexByOpen) {
            this.ctx = ctx;
            this.indexByOpen = indexByOpen;
        }

        @Override
        public void onBar(Bar bar) {
            lastSeen = indexByOpen.get(bar.openTimeMillis());
            BarHistory h = ctx.history();
            if (h.get(0) != bar) {
                throw new AssertionError("the newest bar in the history is not the bar being delivered");
            }
            if (h.size() <= LOOKBACK) {
                return;
            }
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int i = 1; i <= LOOKBACK; i++) {
                high = Math.max(high, h.get(i).high());
                low = Math.min(low, h.get(i).low());
            }
            boolean flat = ctx.portfolio().position(bar.instrument()).isFlat();
            if (flat && bar.close() > high) {
                emit(bar, SignalDirection.LONG);
            } else if (!flat && bar.close() < low) {
                if (stop != null) {
                    ctx.cancel(stop);
                    stop = null;
                }
                emit(bar, SignalDirection.FLAT);
            }
        }

        private void emit(Bar bar, SignalDirection d) {
            inFillCallback = false;
            ctx.emit(Signal.of(bar.instrument(), d, ctx.clock().millis(), d + " breakout"));
        }

        /** Called by the session listener while this strategy submits: notes what the strategy had seen. */
        void submitted(ClientOrderId id) {
            lastSeenAtSubmit.put(id, lastSeen);
            fromFillCallback.put(id, inFillCallback);
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            if (event instanceof OrderFilled f && f.fill().side() == Side.BUY) {
                inFillCallback = true;
                ClientOrderId id = ctx.nextClientOrderId();
                BigDecimal trigger = f.fill().price().multiply(new BigDecimal("0.98"));
                stop = id;
                ctx.submit(new StopOrder(id, f.instrument(), Side.SELL, f.fill().quantity(), trigger,
                        TimeInForce.GTC));
            } else if (event instanceof OrderFilled f && f.clientOrderId().equals(stop)) {
                stop = null;
            }
        }
    }

    /** What one run recorded. */
    record Run(List<String> log, int logSizeAtK, List<RoundTrip> trades, int tradesAtK, double[] equity,
               List<Fill> fills, Breakout strategy) {
    }

    private static Run run(List<Bar> bars, boolean finish) {
        Map<Long, Integer> indexByOpen = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            indexByOpen.put(bars.get(i).openTimeMillis(), i);
        }
        Breakout[] strategy = new Breakout[1];
        EngineFixtures.Recording recording = new EngineFixtures.Recording() {
            @Override
            public void onOrderSubmitted(long timeMillis, String owner, io.quantplug.api.order.Order order) {
                super.onOrderSubmitted(timeMillis, owner, order);
                strategy[0].submitted(order.clientOrderId());
            }
        };
        TradingSession s = EngineFixtures.session(SPOT, "10000", "10", "5", null, List.of(), recording);
        s.addStrategy("breakout-1", "breakout", provider("breakout", ctx -> strategy[0] = new Breakout(ctx,
                indexByOpen)), NO_PARAMETERS);
        s.start();
        int logAtK = -1;
        int tradesAtK = -1;
        for (int i = 0; i < bars.size(); i++) {
            s.onBar(bars.get(i));
            if (i == K) {
                logAtK = recording.log.size();
                tradesAtK = s.trades().size();
            }
        }
        if (finish) {
            s.finish();
        }
        return new Run(List.copyOf(recording.log), logAtK, s.trades(), tradesAtK, s.equity().values(),
                recording.fills(), strategy[0]);
    }

    private static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void recordsUpToBarKDoNotDependOnLaterBars() {
        List<Bar> prefix = path(0, K + 1, 100, 8, 9.0);
        // three futures: the original continuation, a crash that gaps down at once, a rally that gaps up
        List<Bar> futureA = path(0, BARS, 100, 8, 9.0).subList(K + 1, BARS);
        List<Bar> futureB = path(K + 1, BARS, 60, 15, 4.0);
        List<Bar> futureC = path(K + 1, BARS, 150, 2, 20.0);

        Run alone = run(prefix, false);
        Run a = run(concat(prefix, futureA), true);
        Run b = run(concat(prefix, futureB), true);
        Run c = run(concat(prefix, futureC), true);

        // the prefix run is meaningful: it traded, and orders decided at bar K's close or earlier are in the log
        assertThat(alone.trades()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(alone.log()).hasSize(alone.logSizeAtK());
        for (Run full : List.of(a, b, c)) {
            // every signal, order, refusal and fill recorded up to bar K, in order, unchanged
            assertThat(full.log().subList(0, full.logSizeAtK())).isEqualTo(alone.log());
            // round trips closed by bar K unchanged
            assertThat(full.trades().subList(0, full.tradesAtK())).isEqualTo(alone.trades());
            // equity at the start and at the closes of bars 0..K unchanged
            assertThat(Arrays.copyOf(full.equity(), K + 2)).isEqualTo(alone.equity());
        }
        // the futures really differ afterwards
        assertThat(a.log()).isNotEqualTo(b.log());
        assertThat(b.log()).isNotEqualTo(c.log());
    }

    @Test
    void noOrderFillsOnABarItsStrategyHadAlreadySeen() {
        List<Bar> bars = path(0, BARS, 100, 8, 9.0);
        Run run = run(bars, false);

        assertThat(run.fills()).hasSizeGreaterThanOrEqualTo(6);
        boolean sawStopFill = false;
        for (Fill fill : run.fills()) {
            int filledOn = (int) ((fill.timeMillis() - T0) / MINUTE);
            assertThat(fill.timeMillis()).isEqualTo(T0 + filledOn * MINUTE);
            int seen = run.strategy().lastSeenAtSubmit.get(fill.clientOrderId());
            // never on the bar whose close produced the decision (nor earlier)
            assertThat(filledOn).as("fill of %s", fill.clientOrderId()).isGreaterThan(seen);
            Bar fillBar = bars.get(filledOn);
            if (run.strategy().fromFillCallback.get(fill.clientOrderId())) {
                // a stop placed while bar seen+1 was being matched is first matched on bar seen+2
                assertThat(filledOn).isGreaterThanOrEqualTo(seen + 2);
                sawStopFill = true;
            } else {
                // signal orders are market orders: the next open, 5 bps against the trader, never the seen close
                BigDecimal open = SPOT.toTickPrice(fillBar.open());
                BigDecimal expected = fill.side() == Side.BUY
                        ? SPOT.roundPrice(open.multiply(new BigDecimal("1.0005")), RoundingMode.UP)
                        : SPOT.roundPrice(open.multiply(new BigDecimal("0.9995")), RoundingMode.DOWN);
                assertThat(fill.price()).isEqualByComparingTo(expected);
                assertThat(filledOn).isEqualTo(seen + 1);
            }
        }
        assertThat(sawStopFill).as("the path should trigger at least one protective stop").isTrue();
        assertThat(run.fills()).extracting(Fill::clientOrderId)
                .allSatisfy(id -> assertThat(run.strategy().lastSeenAtSubmit).containsKey(id));
    }
}
