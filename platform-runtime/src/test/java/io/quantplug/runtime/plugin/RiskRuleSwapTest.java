package io.quantplug.runtime.plugin;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.internal.engine.Bound;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.testplugin.Probe;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.internal.engine.SessionHotSwap;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static io.quantplug.runtime.plugin.TestJars.counterJar;
import static io.quantplug.runtime.plugin.TestJars.guardJar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swapping a risk rule's plugin under a running session: the rule is never absent (every order is checked by the old
 * or the new version), its state carries over, the events it reports are neither lost nor repeated, and a rule whose
 * plugin is unloaded fails closed.
 */
class RiskRuleSwapTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(ID, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);
    private static final int BARS = 3_000;
    private static final Parameters NONE = ParameterSchema.empty().defaults();

    @TempDir
    Path plugins;
    @TempDir
    Path builds;

    private final List<Order> orders = new ArrayList<>();
    /** Orders the risk rules approved: those submitted before the end-of-data liquidation (which no rule checks). */
    private int approved;
    private final List<OrderRejected> rejections = new ArrayList<>();
    private final List<PluginFault> faults = new ArrayList<>();
    private final List<RiskEventReport> riskEvents = new ArrayList<>();

    @AfterEach
    void forget() {
        Probe.clear();
    }

    @Test
    void aRuleSwappedMidRunChecksEveryOrderAndContinuesFromItsSnapshot() throws Exception {
        Path v2 = guardJar(builds.resolve("guard-2.jar"), "2.0.0");
        List<InstanceSwap> swaps = run(host -> host.replace("guard", v2));

        assertThat(swaps).singleElement().satisfies(s -> {
            assertThat(s.instanceId()).isEqualTo("guard");
            assertThat(s.outcome()).isEqualTo(InstanceSwap.Outcome.RESTORED);
        });
        long before = Probe.counted("guard 1.0.0 check");
        long after = Probe.counted("guard 2.0.0 check");
        assertThat(before).isPositive();
        assertThat(after).isPositive();
        assertThat(before + after).isEqualTo(approved); // no order unchecked, none checked twice
        assertThat(Probe.counted("guard total " + approved)).isEqualTo(1); // v2 went on counting from v1's total
        assertThat(rejections).isEmpty();
        assertThat(faults).isEmpty();
        // one event per check, numbered 1..approved across the swap: none lost, none twice, all under the rule's id
        assertThat(riskEvents).extracting(r -> Long.parseLong(r.event().values().get("checks")))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, approved).boxed().toList());
        assertThat(riskEvents).extracting(RiskEventReport::ruleId).containsOnly("guard");
        assertThat(riskEvents).extracting(RiskEventReport::strategy).containsOnly("alpha-1");
        assertThat(riskEvents).extracting(r -> r.event().message()).containsSubsequence("guard 1.0.0", "guard 2.0.0")
                .filteredOn("guard 2.0.0"::equals).hasSize((int) after);
    }

    @Test
    void aRuleWhosePluginIsUnloadedRejectsEveryLaterOrder() throws Exception {
        List<InstanceSwap> swaps = run(host -> host.unload("guard"));

        assertThat(swaps).singleElement().satisfies(s -> assertThat(s.outcome())
                .isEqualTo(InstanceSwap.Outcome.FAILED));
        long checked = Probe.counted("guard 1.0.0 check");
        assertThat(checked).isPositive();
        assertThat(rejections).isNotEmpty();
        assertThat(checked).isEqualTo(approved); // after the swap, nothing was approved
        assertThat(rejections).allSatisfy(r -> {
            assertThat(r.reason().code()).isEqualTo("RISK_RULE_UNAVAILABLE");
            assertThat(r.reason().message()).isEqualTo("guard could not be swapped: IllegalStateException: plugin"
                    + " guard was unloaded");
        });
        assertThat(faults).singleElement().satisfies(f -> assertThat(f.action()).isEqualTo(FaultAction.FAIL_CLOSED));
        assertThat(riskEvents).hasSize((int) checked); // the stand-in that rejects everything reports nothing
    }

    /** Runs 3,000 bars; at bar 1,500 another thread changes the host, and the replay slows until the swap lands. */
    private List<InstanceSwap> run(Consumer<PluginHost> change) throws IOException, InterruptedException {
        counterJar(plugins.resolve("alpha.jar"), "alpha", "1.0.0", 5);
        guardJar(plugins.resolve("guard.jar"), "1.0.0");
        try (PluginHost host = PluginHost.open(plugins)) {
            RiskRuleProvider guard = host.catalog().riskRule("guard").orElseThrow();
            RiskRule rule = guard.create(NONE);
            TradingSession session = new TradingSession(SPOT, new BigDecimal("100000"),
                    BpsFeeModel.flat(BigDecimal.ZERO), new BpsSlippageModel(BigDecimal.ZERO), List.of(), null,
                    List.of(new Bound<>("guard", rule, NONE)), listener(), 0, 100, BARS);
            session.addStrategy("alpha-1", "alpha", host.catalog().strategy("alpha").orElseThrow(), NONE);
            SessionHotSwap swapper = SessionHotSwap.attach(session, host.catalog(), host, Duration.ofSeconds(30));
            session.start();
            CompletableFuture<Void> changed = null;
            for (int i = 0; i < BARS; i++) {
                if (i == BARS / 2) {
                    changed = CompletableFuture.runAsync(() -> change.accept(host));
                }
                double close = 100 + 10 * Math.sin(i / 7.0);
                session.onBar(new Bar(ID, Timeframe.M1, i * 60_000L, close, close + 1, close - 1, close, 1.0));
                if (changed != null && swapper.swaps().isEmpty()) {
                    Thread.sleep(1);
                }
            }
            approved = orders.size();
            session.finish();
            changed.join();
            swapper.close();
            return swapper.swaps();
        }
    }

    private SessionListener listener() {
        return new SessionListener() {
            @Override
            public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                orders.add(order);
            }

            @Override
            public void onOrderEvent(String strategy, OrderEvent event) {
                if (event instanceof OrderRejected r) {
                    rejections.add(r);
                }
            }

            @Override
            public void onFault(PluginFault fault) {
                faults.add(fault);
            }

            @Override
            public void onRiskEvent(RiskEventReport report) {
                riskEvents.add(report);
            }
        };
    }
}
