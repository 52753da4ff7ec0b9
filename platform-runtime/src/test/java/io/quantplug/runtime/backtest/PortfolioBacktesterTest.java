package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The portfolio backtester against two outside truths: the single-instrument {@link Backtester} on the same bars
 * (one book must give exactly its trades, curve and metrics), and a shared-capital run worked out by hand.
 */
class PortfolioBacktesterTest {

    private static final long T0 = 1_677_628_800_000L;
    private static final long MINUTE = 60_000L;
    private static final InstrumentId AAA = InstrumentId.of("AAAUSDT", "SIM");
    private static final InstrumentId BBB = InstrumentId.of("BBBUSDT", "SIM");

    private static Instrument spot(InstrumentId id, String base) {
        return Instrument.spot(id, base, "USDT", new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ZERO);
    }

    @Test
    void oneBookGivesExactlyTheTradesCurveAndMetricsOfTheSingleInstrumentBacktester() {
        InstrumentId btc = InstrumentId.of("BTCUSDT", "BINANCE");
        Instrument instrument = Instrument.spot(btc, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("10"));
        List<Bar> bars = new BarFileReader().read(SharedData.require(
                "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv"), Timeframe.M1).series().toBars(btc);
        List<ExtensionRef> strategies = List.of(ExtensionRef.parse("sma-crossover:fast=10,slow=30"));
        ExtensionCatalog catalog = ExtensionCatalog.of(
                ExtensionCatalog.fromClassPath(PortfolioBacktesterTest.class.getClassLoader()));
        BigDecimal capital = new BigDecimal("10000");
        BigDecimal fee = new BigDecimal("10");
        BigDecimal slippage = new BigDecimal("2");

        BacktestResult single = new Backtester(catalog).run(new BacktestConfig(instrument, capital, fee, slippage,
                strategies, null, List.of(), null, List.of()), Timeframe.M1, bars, (d, t) -> { });
        PortfolioResult portfolio = new PortfolioBacktester(catalog).run(new PortfolioConfig(capital, fee, slippage,
                List.of(new PortfolioConfig.Book(instrument, Timeframe.M1, bars, strategies, null)), List.of(), null,
                List.of()), (d, t) -> { });

        assertThat(single.trades()).hasSizeGreaterThan(100);
        assertThat(portfolio.trades()).isEqualTo(single.trades());
        assertThat(portfolio.equity()).isEqualTo(single.equity());
        assertThat(portfolio.metrics()).isEqualTo(single.metrics());
        assertThat(portfolio.barCount()).isEqualTo(single.barCount());
        assertThat(portfolio.rejections()).isEqualTo(single.rejections());
        assertThat(portfolio.fillCount()).isEqualTo(single.fillCount());
        assertThat(portfolio.parameters()).containsEntry("BTCUSDT.BINANCE/strategy:sma-crossover",
                Map.of("fast", "10", "slow", "30"));
        assertThat(portfolio.strategies()).singleElement().satisfies(s -> {
            assertThat(s.strategy()).isEqualTo("sma-crossover:fast=10,slow=30");
            assertThat(s.trades()).isEqualTo(single.metrics().tradeCount());
            assertThat(s.netPnl()).isEqualByComparingTo(single.metrics().netProfit());
            assertThat(s.fees()).isEqualByComparingTo(single.metrics().totalFees());
        });
    }

    /** Bars whose open and close the test gives, high and low one above and below. */
    private static List<Bar> bars(InstrumentId id, double[][] openClose) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < openClose.length; i++) {
            double o = openClose[i][0];
            double c = openClose[i][1];
            out.add(new Bar(id, Timeframe.M1, T0 + i * MINUTE, o, Math.max(o, c) + 1, Math.min(o, c) - 1, c, 1));
        }
        return out;
    }

    private static PortfolioResult sharedCapitalRun() {
        List<Bar> a = bars(AAA, new double[][] {{100, 100}, {100, 105}, {105, 110}, {110, 120}, {120, 120},
            {120, 120}});
        List<Bar> b = bars(BBB, new double[][] {{50, 50}, {50, 50}, {50, 50}, {50, 50}, {50, 55}, {55, 60}});
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new ScriptedLongProvider(), null)));
        PortfolioConfig config = new PortfolioConfig(new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(new PortfolioConfig.Book(spot(AAA, "AAA"), Timeframe.M1, a,
                                List.of(ExtensionRef.parse("scripted-long:enter=0,exit=2")), null),
                        new PortfolioConfig.Book(spot(BBB, "BBB"), Timeframe.M1, b,
                                List.of(new ExtensionRef("scripted-long", Map.of("enter", "0"))), null)),
                List.of(), null, List.of());
        return new PortfolioBacktester(catalog).run(config, (d, t) -> { });
    }

    /*
     * Capital 1,000 USDT, no fee, no slippage, lot 1, no sizer (an entry takes all cash not reserved at its own
     * venue). AAA goes LONG at bar 0 and FLAT at bar 2; BBB is LONG at every bar.
     *
     * t0  AAA: buy for 1,000 ordered. BBB (after AAA, same time): its venue reserves nothing, so it also orders a buy
     *     for 1,000. Equity 1,000.
     * t1  AAA buys 10 at the open 100 (1,000 / 100): cash 0. BBB's buy of 20 at 50 costs 1,000 > cash 0:
     *     refused INSUFFICIENT_FUNDS. BBB's LONG at the close finds no cash: no order. Equity 0 + 10 x 105 = 1,050.
     * t2  AAA FLAT: sell 10 ordered. BBB: no cash, no order. Equity 10 x 110 = 1,100.
     * t3  AAA sells 10 at the open 110: cash 1,100 (P&L +100). BBB's LONG now finds 1,100: buy ordered. Equity 1,100.
     * t4  BBB buys 22 at the open 50 (1,100 / 50): cash 0. Equity 22 x 55 = 1,210.
     * t5  Equity 22 x 60 = 1,320; at the end BBB's 22 are sold at the last close 60: cash 1,320 (P&L +220).
     */
    @Test
    void sharedCapitalLetsTheSecondInstrumentEnterOnlyWhenTheFirstHasFreedTheCash() {
        PortfolioResult r = sharedCapitalRun();

        assertThat(r.equity().values()).containsExactly(1000, 1000, 1050, 1100, 1100, 1210, 1320);
        assertThat(r.equity().timesMillis()).containsExactly(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE,
                T0 + 4 * MINUTE, T0 + 5 * MINUTE, T0 + 6 * MINUTE);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.instrument()).isEqualTo(BBB);
            assertThat(x.timeMillis()).isEqualTo(T0 + MINUTE);
            assertThat(x.reason().code()).isEqualTo("INSUFFICIENT_FUNDS");
        });
        assertThat(r.trades()).hasSize(2);
        RoundTrip first = r.trades().get(0);
        assertThat(first.instrument()).isEqualTo(AAA);
        assertThat(first.quantity()).isEqualByComparingTo("10");
        assertThat(first.entryPrice()).isEqualByComparingTo("100");
        assertThat(first.exitPrice()).isEqualByComparingTo("110");
        assertThat(first.pnl()).isEqualByComparingTo("100");
        assertThat(first.exitTimeMillis()).isEqualTo(T0 + 3 * MINUTE);
        RoundTrip second = r.trades().get(1);
        assertThat(second.instrument()).isEqualTo(BBB);
        assertThat(second.quantity()).isEqualByComparingTo("22");
        assertThat(second.entryTimeMillis()).isEqualTo(T0 + 4 * MINUTE);
        assertThat(second.pnl()).isEqualByComparingTo("220");
        assertThat(second.exitReason()).isEqualTo(ExitReason.END_OF_DATA);

        assertThat(r.metrics().endEquity()).isEqualByComparingTo("1320");
        assertThat(r.metrics().netProfit()).isEqualByComparingTo("320");
        assertThat(r.metrics().exposure()).isEqualTo(4 / 6.0); // open after t1, t2, t4, t5
        assertThat(r.strategies()).extracting(StrategySummary::strategy)
                .containsExactly("scripted-long:enter=0,exit=2", "scripted-long:enter=0");
        assertThat(r.strategies()).extracting(s -> s.netPnl().intValueExact()).containsExactly(100, 220);
        assertThat(r.instruments()).extracting(i -> i.netPnl().intValueExact()).containsExactly(100, 220);
    }

    @Test
    void refusesBooksOfDifferentTimeframesNamingTheInstruments() {
        List<ExtensionRef> s = List.of(new ExtensionRef("scripted-long", Map.of()));
        Bar hour = new Bar(BBB, Timeframe.H1, T0, 5, 5, 5, 5, 1);
        PortfolioConfig.Book minutes = new PortfolioConfig.Book(spot(AAA, "AAA"), Timeframe.M1,
                bars(AAA, new double[][] {{5, 5}}), s, null);
        PortfolioConfig.Book hours = new PortfolioConfig.Book(spot(BBB, "BBB"), Timeframe.H1, List.of(hour), s, null);
        assertThatExceptionOfType(BacktestConfigurationException.class)
                .isThrownBy(() -> new PortfolioConfig(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO,
                        List.of(minutes, hours), List.of(), null, List.of()))
                .withMessage("mixed timeframes: AAAUSDT.SIM has 1m bars, BBBUSDT.SIM 1h; every instrument needs the"
                        + " same bar length");
    }

    @Test
    void refusesInstrumentsQuotedInDifferentCurrencies() {
        List<ExtensionRef> s = List.of(new ExtensionRef("scripted-long", Map.of()));
        Instrument btcEth = Instrument.spot(BBB, "BBB", "ETH", new BigDecimal("0.01"), BigDecimal.ONE,
                BigDecimal.ZERO);
        assertThatExceptionOfType(BacktestConfigurationException.class)
                .isThrownBy(() -> new PortfolioConfig(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, List.of(
                        new PortfolioConfig.Book(spot(AAA, "AAA"), Timeframe.M1, bars(AAA, new double[][] {{5, 5}}),
                                s, null),
                        new PortfolioConfig.Book(btcEth, Timeframe.M1, bars(BBB, new double[][] {{5, 5}}), s, null)),
                        List.of(), null, List.of()))
                .withMessageStartingWith("mixed quote currencies: AAAUSDT.SIM is quoted in USDT, BBBUSDT.SIM in ETH");
    }
}
