package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.Rejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backtest facade with hand-written extensions registered in a catalog: refusals and plugin faults appear in
 * the result, parameters reach the rules, and a failing strategy does not stop the run.
 */
class BacktesterTest {

    private static final long T0 = 1_677_628_800_000L;
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    /** Goes long on the first bar, or throws on the bar the test names. */
    static final class GoLong implements StrategyProvider {
        private final int throwOnBar;

        GoLong(int throwOnBar) {
            this.throwOnBar = throwOnBar;
        }

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("go-long", "Go long", "Long on the first bar.", ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return new Strategy() {
                private int bars;

                @Override
                public void onBar(Bar bar) {
                    if (bars == throwOnBar) {
                        throw new IllegalStateException("bar " + bars);
                    }
                    if (bars++ == 0) {
                        ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "go"));
                    }
                }
            };
        }
    }

    /** A rule whose answer the test chooses; {@code cap} resizes to its {@code quantity} parameter. */
    static final class TestRule implements RiskRuleProvider {
        private final String id;

        TestRule(String id) {
            this.id = id;
        }

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor(id, "Test rule " + id, "A rule written in a test.", ParameterSchema.of(
                    ParameterSpec.decimal("quantity").defaultValue("1").min(0).description("cap").build()));
        }

        @Override
        public RiskRule create(Parameters parameters) {
            BigDecimal cap = parameters.getDecimal("quantity");
            return (OrderIntent intent, RiskContext context) -> switch (id) {
                case "no-entries" -> RiskDecision.reject("NO_ENTRIES", "entries are closed");
                case "cap" -> RiskDecision.resize(cap, "capped at " + cap.toPlainString());
                default -> throw new UnsupportedOperationException("rule " + id + " is broken");
            };
        }
    }

    private static List<Bar> bars(int n) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = 100 + i;
            out.add(new Bar(BTC, Timeframe.M1, T0 + i * 60_000L, p, p + 0.5, p - 0.5, p + 0.25, 1));
        }
        return out;
    }

    private static BacktestResult run(StrategyProvider strategy, List<ExtensionRef> rules) {
        List<ExtensionInfo> extensions = new ArrayList<>();
        extensions.add(new ExtensionInfo(ExtensionKind.STRATEGY, strategy, null));
        for (String id : List.of("no-entries", "cap", "broken")) {
            extensions.add(new ExtensionInfo(ExtensionKind.RISK_RULE, new TestRule(id), null));
        }
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new ExtensionRef("go-long", Map.of()), List.of(), null, rules);
        return new Backtester(ExtensionCatalog.of(extensions)).run(config, Timeframe.M1, bars(5), (d, t) -> { });
    }

    @Test
    void riskRuleRejectionIsInTheResult() {
        BacktestResult r = run(new GoLong(-1), List.of(new ExtensionRef("no-entries", Map.of())));

        assertThat(r.rejections()).singleElement().satisfies((Rejection rej) -> {
            assertThat(rej.strategy()).isEqualTo("go-long-1");
            assertThat(rej.timeMillis()).isEqualTo(T0 + 60_000L);
            assertThat(rej.reason().source()).isEqualTo(RejectSource.RISK_RULE);
            assertThat(rej.reason().code()).isEqualTo("NO_ENTRIES");
            assertThat(rej.reason().ruleId()).isEqualTo("no-entries");
        });
        assertThat(r.orderCount()).isZero();
        assertThat(r.trades()).isEmpty();
        assertThat(r.signalCount()).isEqualTo(1);
    }

    @Test
    void resizeFromARuleParameterChangesTheTradedQuantity() {
        BacktestResult r = run(new GoLong(-1), List.of(new ExtensionRef("cap", Map.of("quantity", "2.5"))));
        // bought 2.5 at bar 1's open 101, closed at the end at bar 4's close 104.25
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.quantity()).isEqualByComparingTo("2.5");
            assertThat(t.entryPrice()).isEqualByComparingTo("101");
            assertThat(t.exitPrice()).isEqualByComparingTo("104.25");
            assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
            // 2.5 * 3.25 = 8.125, no fee
            assertThat(t.pnl()).isEqualByComparingTo("8.125");
        });
        assertThat(r.parameters()).containsEntry("risk-rule:cap", Map.of("quantity", "2.5"));
    }

    @Test
    void ruleThatThrowsRejectsTheOrderAndTheFaultIsInTheResult() {
        BacktestResult r = run(new GoLong(-1), List.of(new ExtensionRef("broken", Map.of())));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason().code()).isEqualTo("RISK_RULE_ERROR");
            assertThat(rej.reason().ruleId()).isEqualTo("broken");
        });
        assertThat(r.faults()).singleElement().satisfies(f -> {
            assertThat(f.extensionId()).isEqualTo("broken");
            assertThat(f.action()).isEqualTo(FaultAction.REJECTED_ORDER);
            assertThat(f.error()).isEqualTo("UnsupportedOperationException: rule broken is broken");
        });
        assertThat(r.trades()).isEmpty();
    }

    @Test
    void strategyThatThrowsIsStoppedAndTheRunCompletes() {
        BacktestResult r = run(new GoLong(2), List.of());

        assertThat(r.barCount()).isEqualTo(5);
        assertThat(r.equity().size()).isEqualTo(6);
        assertThat(r.faults()).singleElement().satisfies(f -> {
            assertThat(f.instanceId()).isEqualTo("go-long-1");
            assertThat(f.callback()).isEqualTo("onBar");
            assertThat(f.action()).isEqualTo(FaultAction.STOPPED_INSTANCE);
        });
        // the position it opened before failing is closed at the end
        assertThat(r.trades()).singleElement()
                .satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA));
    }

    @Test
    void unknownStrategyIsAConfigurationErrorNamingWhatIsAvailable() {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new GoLong(-1), null)));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new ExtensionRef("nope", Map.of()), List.of(), null, List.of());
        assertThatExceptionOfType(BacktestConfigurationException.class)
                .isThrownBy(() -> new Backtester(catalog).run(config, Timeframe.M1, bars(2), (d, t) -> { }))
                .withMessageContaining("'nope'").withMessageContaining("go-long");
    }
}
