package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.FundingUnit;
import io.quantplug.runtime.margin.LeverageBrackets;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.MarginCall;
import io.quantplug.runtime.margin.MarginMode;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perpetual traded on margin through the backtester: funding payment by payment against a hand computation from
 * the recorded rates, a short held through a funding flip, and a liquidation at the price of Binance's formula.
 */
class PerpetualBacktestTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument PERP = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.1"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"), InstrumentKind.PERPETUAL);
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void fundingOfARealMonthEqualsTheHandComputationPaymentByPayment() throws IOException {
        Path barsFile = SharedData.require("binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv");
        Path ratesFile = SharedData.require(
                "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json");
        long from = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2023-02-01T00:00:00Z").toEpochMilli();
        List<Bar> bars = new ArrayList<>();
        for (Bar b : new BarFileReader().read(barsFile, Timeframe.H1).series().toBars(BTC)) {
            if (b.openTimeMillis() >= from && b.openTimeMillis() < to) {
                bars.add(b);
            }
        }
        PerpetualTerms terms = new PerpetualTerms(2, MarginMode.CROSS, LeverageBrackets.binanceBtcusdt(),
                FundingRates.read(ratesFile, FundingUnit.PERCENT));
        BacktestResult r = run(bars, 1, terms, new BigDecimal("4"));

        // By hand, from the files' text: the close of the bar ending at each funding time, the rate / 100.
        Map<Long, String> closeAt = new HashMap<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (String line : Files.readAllLines(barsFile).subList(1, Files.readAllLines(barsFile).size())) {
            String[] c = line.split(",");
            long open = LocalDateTime.parse(c[0].substring(0, 19), f).toInstant(ZoneOffset.UTC).toEpochMilli();
            closeAt.put(open + HOUR, c[4]);
        }
        RoundTrip held = r.trades().get(0);
        BigDecimal position = held.quantity();
        long entered = held.entryTimeMillis();
        List<BigDecimal[]> expected = new ArrayList<>();
        Matcher m = Pattern.compile("\\[\\s*(\\d+),\\s*(-?[0-9.eE-]+)\\s*]").matcher(Files.readString(ratesFile));
        while (m.find()) {
            long t = Long.parseLong(m.group(1)) / 1000 * 1000;
            if (t > entered && t <= to) {
                BigDecimal mark = new BigDecimal(closeAt.get(t));
                BigDecimal rate = new BigDecimal(m.group(2)).movePointLeft(2);
                expected.add(new BigDecimal[] {BigDecimal.valueOf(t), mark, rate,
                        position.multiply(mark).multiply(rate).negate()});
            }
        }
        List<FundingPayment> paid = r.perpetual().funding();
        assertThat(expected).hasSize(93); // 31 days x 3, less 1 January 00:00 (before the entry), plus 1 February 00:00 (the last close)
        assertThat(paid).hasSameSizeAs(expected);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < paid.size(); i++) {
            FundingPayment p = paid.get(i);
            assertThat(p.timeMillis()).isEqualTo(expected.get(i)[0].longValueExact());
            assertThat(p.markPrice()).isEqualByComparingTo(expected.get(i)[1]);
            assertThat(p.rate()).isEqualByComparingTo(expected.get(i)[2]);
            assertThat(p.position()).isEqualByComparingTo(position);
            assertThat(p.amount()).isEqualByComparingTo(expected.get(i)[3]);
            total = total.add(p.amount());
        }
        assertThat(r.perpetual().totalFunding()).isEqualByComparingTo(total);
        // the account: initial capital + trade P&L - fees + funding = final equity, exactly
        BigDecimal equity = new BigDecimal("10000").add(held.pnl()).add(total);
        assertThat(BigDecimal.valueOf(r.equity().equity(r.equity().size() - 1)).doubleValue())
                .isCloseTo(equity.doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(position.multiply(held.entryPrice())).isGreaterThan(new BigDecimal("19000")); // 2x leverage
    }

    @Test
    void aShortReceivesPositiveFundingAndPaysNegative() throws IOException {
        long t0 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        List<Bar> bars = flat(t0, 6, 100);
        Path rates = Files.writeString(dir.resolve("rates.csv"), "timestamp,funding_rate\n"
                + (t0 + 2 * HOUR + 9) + ",0.0001\n" + (t0 + 4 * HOUR + 3) + ",-0.0002\n");
        PerpetualTerms terms = new PerpetualTerms(1, MarginMode.ISOLATED, LeverageBrackets.binanceBtcusdt(),
                FundingRates.read(rates, null));
        BacktestResult r = run(bars, -1, terms, BigDecimal.ZERO);
        // 10,000 x 1 / 100 = 100 BTC short from bar 1's open
        List<FundingPayment> paid = r.perpetual().funding();
        assertThat(paid).extracting(FundingPayment::position).allSatisfy(q -> assertThat(q).isEqualByComparingTo("-100"));
        assertThat(paid.get(0).amount()).isEqualByComparingTo("1");   // -(-100) x 100 x 0.0001: received
        assertThat(paid.get(1).amount()).isEqualByComparingTo("-2");  // -(-100) x 100 x -0.0002: paid
        assertThat(r.perpetual().totalFunding()).isEqualByComparingTo("-1");
        assertThat(r.equity().equity(r.equity().size() - 1)).isEqualTo(9_999.0);
    }

    @Test
    void aLongIsLiquidatedAtTheBinanceFormulasPrice() throws IOException {
        long t0 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        List<Bar> bars = new ArrayList<>(flat(t0, 2, 100));
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 2 * HOUR, 95, 96, 90, 91, 1));
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 3 * HOUR, 91, 92, 90, 91, 1));
        Path rates = Files.writeString(dir.resolve("none.csv"), "timestamp,funding_rate\n" + (t0 + 8 * HOUR)
                + ",0.0001\n");
        PerpetualTerms terms = new PerpetualTerms(10, MarginMode.ISOLATED, LeverageBrackets.binanceBtcusdt(),
                FundingRates.read(rates, null));
        BacktestResult r = run(bars, 1, terms, BigDecimal.ZERO);
        // 10,000 x 10 / 100 = 1,000 BTC long at 100; notional 100,000 (tier 2: 0.5 %, cum 50); isolated wallet
        // 100,000 / 10 = 10,000. LP = (10,000 + 50 - 100,000) / (1,000 x 0.005 - 1,000) = 89,950 / 995
        // = 90.4020..., up to the tick: 90.5. The bar of low 90 reaches it.
        Liquidation l = r.perpetual().liquidations().get(0);
        assertThat(l.liquidationPrice()).isEqualByComparingTo("90.5");
        assertThat(l.fillPrice()).isEqualByComparingTo("90.5");
        assertThat(l.walletBalance()).isEqualByComparingTo("10000");
        assertThat(l.maintenanceMargin()).isEqualByComparingTo("402.5"); // 90,500 x 0.5 % - 50
        assertThat(l.timeMillis()).isEqualTo(t0 + 2 * HOUR);
        RoundTrip trip = r.trades().get(0);
        assertThat(trip.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
        assertThat(trip.exitPrice()).isEqualByComparingTo("90.5");
        assertThat(trip.pnl()).isEqualByComparingTo("-9500"); // (90.5 - 100) x 1,000
        assertThat(r.trades()).hasSize(1); // the strategy signals once: nothing reopens
        assertThat(r.equity().equity(r.equity().size() - 1)).isEqualTo(500.0);
    }

    @Test
    void aMarginCallComesAtEightyPercentOnceABreach() throws IOException {
        Instrument cents = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("5"), InstrumentKind.PERPETUAL);
        long t0 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        List<Bar> bars = new ArrayList<>(flat(t0, 2, 100));
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 2 * HOUR, 95, 96, 90.45, 90.45, 1));
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 3 * HOUR, 90.45, 90.46, 90.45, 90.46, 1)); // still in: no call
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 4 * HOUR, 91, 95, 91, 95, 1));             // back below
        bars.add(new Bar(BTC, Timeframe.H1, t0 + 5 * HOUR, 92, 92, 90.45, 90.45, 1));       // a second breach
        Path rates = Files.writeString(dir.resolve("mc.csv"), "timestamp,funding_rate\n" + (t0 + 8 * HOUR)
                + ",0.0001\n");
        PerpetualTerms terms = new PerpetualTerms(10, MarginMode.ISOLATED, LeverageBrackets.binanceBtcusdt(),
                FundingRates.read(rates, null));
        BacktestResult r = run(cents, bars, 1, terms, BigDecimal.ZERO);
        // 1,000 BTC long at 100, isolated wallet 10,000; at 90.45 the balance is 10,000 + 1,000 x (90.45 - 100) = 450,
        // the maintenance margin 90,450 x 0.5 % - 50 = 402.25: a ratio of 0.8939 (liquidation price 90.41 not reached)
        assertThat(r.perpetual().liquidations()).isEmpty();
        assertThat(r.perpetual().marginCalls()).hasSize(2);
        MarginCall first = r.perpetual().marginCalls().get(0);
        assertThat(first.timeMillis()).isEqualTo(t0 + 3 * HOUR);
        assertThat(first.marginBalance()).isEqualByComparingTo("450");
        assertThat(first.maintenanceMargin()).isEqualByComparingTo("402.25");
        assertThat(first.marginRatio().doubleValue()).isCloseTo(402.25 / 450, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.perpetual().marginCalls().get(1).timeMillis()).isEqualTo(t0 + 6 * HOUR);
    }

    @Test
    void aSizerFreeEntrySpendsTheBuyingPowerAtTheLeverage() throws IOException {
        long t0 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        Path rates = Files.writeString(dir.resolve("r.csv"), "timestamp,funding_rate\n" + (t0 + 8 * HOUR)
                + ",0.0001\n");
        PerpetualTerms terms = new PerpetualTerms(1, MarginMode.CROSS, LeverageBrackets.binanceBtcusdt(),
                FundingRates.read(rates, null));
        // a sizer-free LONG of all the buying power fills; its fee (10 bps) comes out of the margin
        BacktestResult r = run(flat(t0, 3, 100), 1, terms, new BigDecimal("10"));
        assertThat(r.trades()).hasSize(1);
        BigDecimal notional = r.trades().get(0).quantity().multiply(new BigDecimal("100"));
        // buying power E x L / (1 + L f) = 10,000 / 1.001 = 9,990.00999, a quote amount that pays its fee too:
        // 9,990.00999 / (100 x 1.001) = 99.8003 BTC, down to the lot of 0.001: 99.800 -> 9,980.0
        assertThat(notional).isEqualByComparingTo("9980.0");
        assertThat(r.rejections()).isEmpty();
    }

    private static List<Bar> flat(long t0, int n, double price) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Bar(BTC, Timeframe.H1, t0 + i * HOUR, price, price, price, price, 1));
        }
        return out;
    }

    private static BacktestResult run(List<Bar> bars, int side, PerpetualTerms terms, BigDecimal feeBps) {
        return run(PERP, bars, side, terms, feeBps);
    }

    private static BacktestResult run(Instrument instrument, List<Bar> bars, int side, PerpetualTerms terms,
                                      BigDecimal feeBps) {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new ScriptedSideProvider(), null)));
        BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), feeBps, BigDecimal.ZERO,
                new ExtensionRef("scripted-side", Map.of("side", Integer.toString(side))), List.of(), null, List.of());
        return new Backtester(catalog).open(config, Timeframe.H1, BarSource.of(bars), new SessionListener() { })
                .tradePerpetual(terms).run((d, t) -> { });
    }
}
