package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SMA crossover 10/30 on 21 days of real Binance.US BTCUSDT one-minute bars (capital 10,000 USDT, fee 10 bps, no
 * slippage), with the engine's Sharpe and maximum drawdown checked against an independent computation on the
 * result's equity curve: Apache Commons Math's {@link DescriptiveStatistics} for the returns, and a brute-force
 * O(n&sup2;) scan of every (peak, trough) pair for the drawdown.
 */
class SmaCrossoverRealDataTest {

    private static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final InstrumentId BTCUSDT = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument INSTRUMENT = Instrument.spot(BTCUSDT, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("10"));
    /** One-minute bars in a 365-day year: 365 * 1,440 = 525,600. */
    private static final double P = 525_600.0;

    private static List<Bar> bars;
    private static BacktestResult result;
    private static final List<Fill> fills = new ArrayList<>();
    private static final Map<String, Long> submittedAt = new HashMap<>();

    @BeforeAll
    static void runBacktest() {
        BarSeries series = new BarFileReader().read(SharedData.require(FILE), Timeframe.M1).series();
        bars = series.toBars(BTCUSDT);
        BacktestConfig config = new BacktestConfig(INSTRUMENT, new BigDecimal("10000"), new BigDecimal("10"),
                BigDecimal.ZERO, new ExtensionRef("sma-crossover", Map.of("fast", "10", "slow", "30")), List.of(),
                null, List.of());
        // The sample plugin itself, found on the test class path through its ServiceLoader descriptor.
        ExtensionCatalog catalog = ExtensionCatalog.of(
                ExtensionCatalog.fromClassPath(SmaCrossoverRealDataTest.class.getClassLoader()));
        result = new Backtester(catalog).run(config, Timeframe.M1, bars, (done, total) -> { },
                new SessionListener() {
                    @Override
                    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                        submittedAt.put(order.clientOrderId().value(), timeMillis);
                    }

                    @Override
                    public void onOrderEvent(String strategy, OrderEvent event) {
                        if (event instanceof OrderFilled f) {
                            fills.add(f.fill());
                        }
                    }
                });
    }

    @Test
    void runTradesTheWholeFile() {
        assertThat(bars).hasSize(30_240);
        assertThat(result.barCount()).isEqualTo(30_240);
        assertThat(result.equity().size()).isEqualTo(30_241);
        assertThat(result.trades()).hasSizeGreaterThan(100);
        assertThat(result.trades()).allSatisfy(t -> assertThat(t.side()).isEqualTo(PositionSide.LONG));
        assertThat(result.faults()).isEmpty();
        assertThat(result.parameters()).containsEntry("strategy:sma-crossover", Map.of("fast", "10", "slow", "30"));
    }

    @Test
    void sharpeMatchesCommonsMathOnTheEquityCurve() {
        DescriptiveStatistics returns = returns(result.equity());
        double sd = returns.getStandardDeviation();
        // DescriptiveStatistics' standard deviation is the bias-corrected sample one (divisor n - 1)
        assertThat(result.metrics().sharpe())
                .isCloseTo(returns.getMean() / sd * Math.sqrt(P), within(1e-9 * Math.abs(result.metrics().sharpe())));
        assertThat(result.metrics().annualizedVolatility()).isCloseTo(sd * Math.sqrt(P), within(1e-12));
    }

    @Test
    void maxDrawdownMatchesABruteForceScanOfEveryPeakTroughPair() {
        double[] e = result.equity().values();
        double deepest = 0;
        int trough = -1;
        for (int j = 1; j < e.length; j++) {
            for (int i = 0; i < j; i++) {
                double dd = (e[i] - e[j]) / e[i];
                if (dd > deepest) {
                    deepest = dd;
                    trough = j;
                }
            }
        }
        PerformanceMetrics m = result.metrics();
        assertThat(deepest).isGreaterThan(0);
        assertThat(m.maxDrawdown()).isCloseTo(deepest, within(1e-15));

        // duration: from the last point at the running high before the trough to the first point back at it
        double high = Double.NEGATIVE_INFINITY;
        int peak = 0;
        for (int i = 0; i <= trough; i++) {
            if (e[i] >= high) {
                high = e[i];
                peak = i;
            }
        }
        int recovery = e.length - 1;
        for (int i = trough + 1; i < e.length; i++) {
            if (e[i] >= high) {
                recovery = i;
                break;
            }
        }
        long[] t = result.equity().timesMillis();
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofMillis(t[recovery] - t[peak]));
    }

    @Test
    void accountingAddsUpExactly() {
        PerformanceMetrics m = result.metrics();
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (RoundTrip t : result.trades()) {
            pnl = pnl.add(t.pnl());
            fees = fees.add(t.fees());
        }
        // every position was closed at the end, so equity = capital + the net P&L of the round trips
        assertThat(m.endEquity()).isEqualByComparingTo(new BigDecimal("10000").add(pnl));
        assertThat(m.totalFees()).isEqualByComparingTo(fees);
        double[] e = result.equity().values();
        assertThat(e[e.length - 1]).isCloseTo(m.endEquity().doubleValue(), within(1e-6));
        assertThat(m.totalReturn()).isCloseTo(e[e.length - 1] / 10_000.0 - 1, within(1e-15));
    }

    @Test
    void everySignalFillsAtTheNextBarsOpen() {
        Map<Long, Bar> byOpen = new HashMap<>();
        bars.forEach(b -> byOpen.put(b.openTimeMillis(), b));
        int signalFills = 0;
        for (Fill f : fills) {
            if (f.clientOrderId().value().startsWith("end-of-data")) {
                continue;
            }
            // decided at a bar's close, which is the next bar's open in this gap-free file
            long decided = submittedAt.get(f.clientOrderId().value());
            Bar next = byOpen.get(decided);
            assertThat(next).as("a bar opens when %s was decided", f.clientOrderId()).isNotNull();
            assertThat(f.timeMillis()).isEqualTo(next.openTimeMillis());
            assertThat(f.price()).isEqualByComparingTo(INSTRUMENT.toTickPrice(next.open()));
            signalFills++;
        }
        assertThat(signalFills).isEqualTo(2 * result.trades().size()
                - (int) result.trades().stream().filter(t -> t.exitReason() == ExitReason.END_OF_DATA).count());
    }

    @Test
    void exposureCountsTheBarsBetweenEntryAndExitFills() {
        // a trip entered at the open of bar a and left at the open of bar b closes b - a bars in the market
        long minutes = 0;
        for (RoundTrip t : result.trades()) {
            minutes += (t.exitTimeMillis() - t.entryTimeMillis()) / 60_000L;
        }
        assertThat(result.metrics().exposure()).isCloseTo((double) minutes / 30_240, within(1e-15));
    }

    private static DescriptiveStatistics returns(EquityCurve curve) {
        DescriptiveStatistics s = new DescriptiveStatistics();
        for (int i = 1; i < curve.size(); i++) {
            s.addValue(curve.equity(i) / curve.equity(i - 1) - 1.0);
        }
        return s;
    }
}
