package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The account's merged equity curve on three real hourly series whose first and last hours differ (BTC and ETH
 * start an hour before SOL, BTC ends an hour before the other two), traded by a close-versus-SMA strategy sized at
 * a quarter of equity, fee 10 bps, slippage 2 bps: the curve is recomputed independently from the fills and the
 * bars, and the end equity from the per-strategy P&amp;L.
 */
class PortfolioEquityTest {

    private static final String DIR = "binance-spot-1h-2021-2023/";
    private static final BigDecimal CAPITAL = new BigDecimal("10000");
    private static final List<String> SYMBOLS = List.of("BTC", "ETH", "SOL");

    private static final List<Fill> fills = new ArrayList<>();
    private static final List<PortfolioConfig.Book> books = new ArrayList<>();
    private static PortfolioResult result;

    @BeforeAll
    static void run() {
        for (String base : SYMBOLS) {
            InstrumentId id = InstrumentId.of(base + "USDT", "BINANCE");
            List<Bar> bars = new BarFileReader().read(SharedData.require(DIR + base + "USDT_1h.csv"), Timeframe.H1)
                    .series().toBars(id);
            bars = bars.subList(0, bars.size() - 1); // the final row is the candle still open at download time
            books.add(new PortfolioConfig.Book(Instrument.spot(id, base, "USDT", new BigDecimal("0.01"),
                    new BigDecimal("0.0001"), BigDecimal.ZERO), Timeframe.H1, bars,
                    List.of(new ExtensionRef("close-vs-sma", Map.of("period", "48"))), null));
        }
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new CloseVsSmaProvider(), null),
                new ExtensionInfo(ExtensionKind.ENHANCEMENT, new EquityFractionSizerProvider(), null)));
        PortfolioConfig config = new PortfolioConfig(CAPITAL, new BigDecimal("10"), new BigDecimal("2"), books,
                List.of(), new ExtensionRef("equity-fraction", Map.of("fraction", "0.3")), List.of());
        result = new PortfolioBacktester(catalog).run(config, (d, t) -> { }, new SessionListener() {
            @Override
            public void onOrderEvent(String strategy, OrderEvent event) {
                if (event instanceof OrderFilled f) {
                    fills.add(f.fill());
                }
            }
        });
    }

    @Test
    void everyRecordedPointIsCashPlusQuantityTimesLastClose() {
        // The distinct open times of all books, in order: one point each after the start.
        TreeSet<Long> times = new TreeSet<>();
        for (PortfolioConfig.Book b : books) {
            b.bars().forEach(x -> times.add(x.openTimeMillis()));
        }
        EquityCurve curve = result.equity();
        assertThat(curve.size()).isEqualTo(times.size() + 1);
        assertThat(curve.equity(0)).isEqualTo(10_000.0);
        // Several books at once: more than one position open at some time.
        assertThat(result.trades()).extracting(t -> t.instrument().symbol()).contains("BTCUSDT", "ETHUSDT",
                "SOLUSDT");

        BigDecimal cash = CAPITAL;
        Map<InstrumentId, BigDecimal> quantity = new HashMap<>();
        Map<InstrumentId, Double> lastClose = new HashMap<>();
        int[] nextBar = new int[books.size()];
        int nextFill = 0;
        List<Fill> endOfData = fills.stream().filter(f -> f.clientOrderId().value().startsWith("end-of-data")).toList();
        List<Fill> trading = fills.stream().filter(f -> !endOfData.contains(f)).toList();
        int point = 1;
        for (long t : times) {
            // fills at a bar's open belong to that bar time
            while (nextFill < trading.size() && trading.get(nextFill).timeMillis() <= t) {
                cash = book(trading.get(nextFill++), cash, quantity);
            }
            for (int i = 0; i < books.size(); i++) {
                List<Bar> bars = books.get(i).bars();
                if (nextBar[i] < bars.size() && bars.get(nextBar[i]).openTimeMillis() == t) {
                    lastClose.put(books.get(i).instrument().id(), bars.get(nextBar[i]++).close());
                }
            }
            if (point == curve.size() - 1) {
                for (Fill f : endOfData) { // the last point is the account after the end-of-data closes
                    cash = book(f, cash, quantity);
                }
            }
            double expected = cash.doubleValue();
            for (Map.Entry<InstrumentId, BigDecimal> q : quantity.entrySet()) {
                expected += q.getValue().doubleValue() * lastClose.get(q.getKey());
            }
            assertThat(curve.equity(point)).as("point %d", point).isCloseTo(expected, within(1e-6));
            assertThat(curve.timeMillis(point)).isEqualTo(t + Timeframe.H1.millis());
            point++;
        }
        assertThat(nextFill).isEqualTo(trading.size());
        assertThat(result.metrics().endEquity()).isEqualByComparingTo(cash);
    }

    private static BigDecimal book(Fill f, BigDecimal cash, Map<InstrumentId, BigDecimal> quantity) {
        BigDecimal signed = f.side().sign() > 0 ? f.quantity() : f.quantity().negate();
        quantity.merge(f.instrument(), signed, BigDecimal::add);
        BigDecimal notional = f.price().multiply(f.quantity());
        return (f.side().sign() > 0 ? cash.subtract(notional) : cash.add(notional)).subtract(f.fee());
    }

    @Test
    void endEquityMinusCapitalIsTheSumOfThePerStrategyNetProfit() {
        BigDecimal sum = result.strategies().stream().map(StrategySummary::netPnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byInstrument = result.instruments().stream().map(InstrumentSummary::netPnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.metrics().endEquity().subtract(CAPITAL)).isEqualByComparingTo(sum);
        assertThat(byInstrument).isEqualByComparingTo(sum);
        assertThat(result.strategies()).singleElement().satisfies(s -> {
            assertThat(s.instruments()).hasSize(3);
            assertThat(s.trades()).isEqualTo(result.trades().size());
        });
        assertThat(result.metrics().totalFees()).isEqualByComparingTo(
                result.strategies().get(0).fees());
    }
}
