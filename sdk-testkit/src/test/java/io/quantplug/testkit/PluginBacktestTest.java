package io.quantplug.testkit;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginBacktestTest {

    /** Eight hourly bars; opens are what the fills must use. */
    private static final String CSV = """
            timestamp,open,high,low,close,volume
            2024-01-01T00:00:00Z,42000.00,42100.00,41900.00,42050.00,10
            2024-01-01T01:00:00Z,42050.00,42300.00,42000.00,42250.00,12
            2024-01-01T02:00:00Z,42260.50,42600.00,42200.00,42550.00,9
            2024-01-01T03:00:00Z,42550.00,42900.00,42500.00,42800.00,11
            2024-01-01T04:00:00Z,42800.00,43000.00,42700.00,42950.00,8
            2024-01-01T05:00:00Z,42940.25,43100.00,42800.00,43050.00,7
            2024-01-01T06:00:00Z,43050.00,43200.00,42900.00,43000.00,6
            2024-01-01T07:00:00Z,43000.00,43150.00,42950.00,43100.00,5
            """;

    @TempDir
    Path dir;

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("bars.csv"), CSV);
    }

    @Test
    void fillsTheSignalOfABarsCloseAtTheNextBarsOpenAndChargesTheFees() throws IOException {
        BacktestRun run = PluginBacktest.of(ScriptedStrategyProvider.class)
                .parameters(Map.of("buyAt", 1, "sellAt", 4))
                .csv(csv())
                .fees(10)
                .run();

        assertThat(run.bars()).hasSize(8);
        assertThat(run.result().timeframe()).isEqualTo(Timeframe.H1);
        assertThat(run.trades()).hasSize(1);
        RoundTrip trip = run.trades().get(0);
        assertThat(run.barAt(trip.entryTimeMillis())).isEqualTo(2);
        assertThat(run.barAt(trip.exitTimeMillis())).isEqualTo(5);
        assertThat(trip.entryPrice()).isEqualByComparingTo("42260.50");
        assertThat(trip.exitPrice()).isEqualByComparingTo("42940.25");
        assertThat(trip.exitReason()).isEqualTo(ExitReason.SIGNAL);

        // by hand: 10 bps of each fill's notional, rounded half-up to 8 decimals (Binance's commission precision);
        // P&L = price change x quantity - fees
        BigDecimal q = trip.quantity();
        BigDecimal fees = fee(new BigDecimal("42260.50").multiply(q)).add(fee(new BigDecimal("42940.25").multiply(q)));
        assertThat(trip.fees()).isEqualByComparingTo(fees);
        assertThat(trip.pnl()).isEqualByComparingTo(new BigDecimal("679.75").multiply(q).subtract(trip.fees()));
        // all the cash went in: one more lot (0.00001 BTC) plus its fee would not have been affordable
        BigDecimal oneMoreLot = q.add(new BigDecimal("0.00001")).multiply(new BigDecimal("42260.50"))
                .multiply(new BigDecimal("1.001"));
        assertThat(oneMoreLot).isGreaterThan(new BigDecimal("10000"));

        assertThat(run.metrics().tradeCount()).isEqualTo(1);
        assertThat(run.metrics().netProfit()).isEqualByComparingTo(trip.pnl());
        assertThat(run.metrics().endEquity()).isEqualByComparingTo(new BigDecimal("10000").add(trip.pnl()));
        assertThat(run.metrics().winRate()).isEqualTo(1.0);
        assertThat(run.signals()).extracting(RecordedSignal::outcome).containsExactly("ORDERED", "ORDERED");
        assertThat(run.fills()).hasSize(2);
        assertThat(run.result().parameters()).containsEntry("strategy:scripted",
                Map.of("buyAt", "1", "sellAt", "4", "throwAt", "-1"));
    }

    private static BigDecimal fee(BigDecimal notional) {
        return notional.multiply(new BigDecimal("0.001")).setScale(8, RoundingMode.HALF_UP);
    }

    @Test
    void closesAPositionStillOpenAtTheEndAtTheLastClose() throws IOException {
        BacktestRun run = PluginBacktest.of(new ScriptedStrategyProvider()).parameter("buyAt", 5)
                .parameter("sellAt", 99).csv(csv()).run();

        RoundTrip trip = run.trades().get(0);
        assertThat(run.barAt(trip.entryTimeMillis())).isEqualTo(6);
        assertThat(trip.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(trip.exitPrice()).isEqualByComparingTo("43100.00");
        assertThat(run.barAt(trip.exitTimeMillis())).isEqualTo(7);
    }

    @Test
    void runsOnBarsBuiltByTheTestWithAGivenInstrument() {
        Instrument eth = Instrument.spot(InstrumentId.of("ETHEUR", "TESTVENUE"), "ETH", "EUR",
                new BigDecimal("0.01"), new BigDecimal("0.0001"), BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double p = 2000 + 10 * i;
            bars.add(new Bar(eth.id(), Timeframe.M5, 1_700_000_000_000L + i * 300_000L, p, p + 5, p - 5, p + 2, 1));
        }
        BacktestRun run = PluginBacktest.of(ScriptedStrategyProvider.class).parameters(Map.of("buyAt", 0,
                "sellAt", 2)).instrument(eth).capital("5000").bars(bars, Timeframe.M5).run();

        assertThat(run.trades()).singleElement().satisfies(t -> {
            assertThat(t.instrument()).isEqualTo(eth.id());
            assertThat(t.entryPrice()).isEqualByComparingTo("2010");
            assertThat(t.exitPrice()).isEqualByComparingTo("2030");
        });
        assertThat(run.metrics().startEquity()).isEqualByComparingTo("5000");
    }

    @Test
    void theRiskRulesEventsAndPositionClosesArriveInTheRun() throws IOException {
        // a rule that, at the close of the bar after the entry fill (bar 2, close 42550.00), reports and closes
        RiskRuleProvider closer = new RiskRuleProvider() {
            @Override
            public ExtensionDescriptor descriptor() {
                return new ExtensionDescriptor("closer", "Closer", "Closes once (a test kit test's rule).",
                        ParameterSchema.empty());
            }

            @Override
            public RiskRule create(Parameters parameters) {
                return new RiskRule() {
                    @Override
                    public RiskDecision check(OrderIntent intent, RiskContext context) {
                        return RiskDecision.approve();
                    }

                    @Override
                    public void onBar(Bar bar, RiskContext context) {
                        if (context.portfolio().position(bar.instrument()).quantity().signum() > 0) {
                            context.report(new RiskEvent(context.timeMillis(), "CLOSE", "TEST", "closing at "
                                    + bar.close(), Map.of("close", Double.toString(bar.close()))));
                            context.closePosition(bar.instrument(), "test");
                        }
                    }
                };
            }
        };
        BacktestRun run = PluginBacktest.of(ScriptedStrategyProvider.class)
                .parameters(Map.of("buyAt", 1, "sellAt", 6))
                .csv(csv())
                .riskRule(closer, Map.of())
                .run();

        assertThat(run.riskEvents()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("closer");
            assertThat(e.event().message()).isEqualTo("closing at 42550.0");
            assertThat(e.timeMillis()).isEqualTo(run.bars().get(2).closeTimeMillis());
        });
        // entered at bar 2's open, closed for the rule at bar 3's open
        assertThat(run.trades()).singleElement().satisfies(t -> {
            assertThat(run.barAt(t.entryTimeMillis())).isEqualTo(2);
            assertThat(run.barAt(t.exitTimeMillis())).isEqualTo(3);
            assertThat(t.exitPrice()).isEqualByComparingTo("42550.00");
            assertThat(t.exitReason()).isEqualTo(ExitReason.RISK_RULE);
        });
    }

    @Test
    void namesTheParameterThatIsOutOfRange() throws IOException {
        PluginBacktest backtest = PluginBacktest.of(ScriptedStrategyProvider.class).parameter("buyAt", -3)
                .csv(csv());

        assertThatThrownBy(backtest::run).isInstanceOf(BacktestConfigurationException.class)
                .hasMessageContaining("buyAt");
    }

    @Test
    void failsTheTestWhenTheStrategyThrowsUnlessFaultsAreAllowed() throws IOException {
        PluginBacktest backtest = PluginBacktest.of(ScriptedStrategyProvider.class).parameter("throwAt", 3)
                .csv(csv());

        assertThatThrownBy(backtest::run).isInstanceOf(AssertionError.class)
                .hasMessageContaining("scripted failure at bar 3").hasMessageContaining("allowFaults()");
        BacktestRun run = backtest.allowFaults().run();
        assertThat(run.faults()).singleElement().satisfies(f -> assertThat(f.callback()).isEqualTo("onBar"));
    }

    @Test
    void refusesAProviderClassWithoutANoArgumentConstructor() {
        assertThatThrownBy(() -> PluginBacktest.of(NeedsArgument.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public no-argument constructor");
    }

    @Test
    void refusesToRunWithoutData() {
        assertThatThrownBy(() -> PluginBacktest.of(ScriptedStrategyProvider.class).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("csv(Path)");
    }

    @Test
    void refusesAnUnknownSymbol() {
        assertThatThrownBy(() -> PluginBacktest.of(ScriptedStrategyProvider.class).instrument("NOPEUSDT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPEUSDT");
    }

    @Test
    void barAtMapsATimeToTheBarItFallsIn() throws IOException {
        BacktestRun run = PluginBacktest.of(ScriptedStrategyProvider.class).csv(csv()).run();
        long first = run.bars().get(0).openTimeMillis();

        assertThat(run.barAt(first)).isZero();
        assertThat(run.barAt(first + 3_600_000L - 1)).isZero();
        assertThat(run.barAt(first + 3 * 3_600_000L)).isEqualTo(3);
        assertThat(run.barAt(first + 100 * 3_600_000L)).isEqualTo(7);
        assertThatThrownBy(() -> run.barAt(first - 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A provider the test kit cannot instantiate. */
    static final class NeedsArgument implements StrategyProvider {
        NeedsArgument(String unused) {
        }

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("needs-argument", "x", "x", ParameterSchema.of());
        }

        @Override
        public Strategy create(StrategyContext context) {
            return bar -> { };
        }
    }
}
