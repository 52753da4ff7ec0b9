package io.quantplug.runtime.store;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.SignalAggregation;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.RiskEventReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.runtime.store.RunStoreTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real backtest with the three things this store version adds, journaled and read back on H2 and on a real
 * PostgreSQL: three SMA crossovers (10/30, 12/30, 14/30) trading as one MAJORITY group, and a test rule that reports
 * a {@code LOSS_LIMIT} event and asks the session to close the position when the close is 0.2 % below the average
 * entry price. The stored run reads back as the result's document (risk events with their values, decisions with
 * their votes), and the rows say who did what: the rule's id on its events and its close orders, the engine's reason
 * on every order of its own.
 */
class RiskEventStoreTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void riskEventsClosesAndDecisionsAreStoredAndReadBack(Vendor vendor) throws SQLException {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT);
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            BacktestResult result;
            try (Journal journal = store.journal()) {
                JournalingListener listener = store.runs().listener(runId, journal, new RecordingNothing());
                result = run(bars, listener);
                store.runs().complete(runId, ResultDocument.of(result), "alice", journal);
                Journal.Stats stats = journal.close(Duration.ofSeconds(30));
                assertThat(stats.unwritten()).isZero();
                assertThat(listener.failure()).isNull();
            }
            List<RiskEventReport> events = result.riskEvents();
            long closedByRule = result.trades().stream().filter(t -> t.exitReason() == ExitReason.RISK_RULE).count();
            assertThat(events).hasSizeGreaterThan(5).allSatisfy(e -> {
                assertThat(e.ruleId()).isEqualTo("loss-guard");
                assertThat(e.strategy()).isNull(); // reported from onBar
                assertThat(e.event().values()).containsOnlyKeys("close", "averageEntryPrice", "limitPercent");
            });
            // every event asked for one close, each filled at the next open before the rule looked again
            assertThat(closedByRule).isEqualTo(events.size());
            assertThat(result.decisions()).hasSizeGreaterThan(3_000);

            JsonAssert.assertSameDocument(store.runs().document(runId).orElseThrow(), ResultDocument.of(result));

            assertThat(count(store, "SELECT COUNT(*) FROM risk_events WHERE run_id = ? AND rule_id = 'loss-guard'"
                    + " AND event_type = 'LOSS_LIMIT' AND code = 'BELOW_ENTRY' AND event_values LIKE '{\"close\":%'",
                    runId)).isEqualTo(events.size());
            assertThat(count(store, "SELECT COUNT(*) FROM orders WHERE run_id = ? AND strategy = 'loss-guard'"
                    + " AND client_order_id LIKE 'risk-close-%' AND reason LIKE 'risk rule loss-guard: close %'",
                    runId)).isEqualTo(closedByRule);
            assertThat(count(store, "SELECT COUNT(*) FROM orders WHERE run_id = ? AND reason IS NULL"
                    + " AND strategy = 'group'", runId)).isEqualTo(result.orderCount() - closedByRule
                    - result.trades().stream().filter(t -> t.exitReason() == ExitReason.END_OF_DATA).count());
            assertThat(count(store, "SELECT COUNT(*) FROM trades WHERE run_id = ? AND exit_reason = 'RISK_RULE'"
                    + " AND strategy = 'group'", runId)).isEqualTo(closedByRule);
            assertThat(count(store, "SELECT COUNT(*) FROM signal_decisions WHERE run_id = ? AND policy = 'MAJORITY'",
                    runId)).isEqualTo(result.decisions().size());
            assertThat(count(store, "SELECT COUNT(*) FROM signal_decisions WHERE run_id = ? AND direction IS NOT NULL",
                    runId)).isEqualTo(result.decisions().stream().filter(d -> d.direction() != null).count());
            String firstValues = text(store, "SELECT event_values FROM risk_events WHERE run_id = ? AND"
                    + " event_values IS NOT NULL ORDER BY seq", runId);
            assertThat(firstValues).isEqualTo("{\"close\":\"" + events.get(0).event().values().get("close")
                    + "\",\"averageEntryPrice\":\"" + events.get(0).event().values().get("averageEntryPrice")
                    + "\",\"limitPercent\":\"0.2\"}");
        }
    }

    private static BacktestResult run(List<Bar> bars, JournalingListener listener) {
        List<ExtensionInfo> extensions = new ArrayList<>(ExtensionCatalog.fromClassPath(
                RiskEventStoreTest.class.getClassLoader()));
        extensions.add(new ExtensionInfo(ExtensionKind.RISK_RULE, new LossGuard(), null));
        BacktestConfig config = RealBacktest.config().withStrategies(List.of(
                ExtensionRef.parse("sma-crossover:fast=10,slow=30"),
                ExtensionRef.parse("sma-crossover:fast=12,slow=30"),
                ExtensionRef.parse("sma-crossover:fast=14,slow=30")), SignalAggregation.majority());
        config = new BacktestConfig(config.instrument(), config.initialCapital(), config.feeBps(), config.slippageBps(),
                config.strategies(), config.aggregation(), List.of(), null, List.of(new ExtensionRef("loss-guard",
                Map.of())));
        return new Backtester(ExtensionCatalog.of(extensions)).run(config, Timeframe.M1, bars, (d, t) -> { },
                listener);
    }

    private static String text(Store store, String sql, long runId) throws SQLException {
        try (Connection c = store.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Passes nothing on. */
    private static final class RecordingNothing implements io.quantplug.runtime.session.SessionListener {
    }

    /** Closes a long whose close is 0.2 % or more below its average entry price, reporting why. */
    static final class LossGuard implements RiskRuleProvider {
        private static final BigDecimal LIMIT = new BigDecimal("0.998");

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("loss-guard", "Loss guard",
                    "Closes a long 0.2 % below its entry (a store test's rule).", ParameterSchema.of());
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
                    PositionView p = context.portfolio().position(bar.instrument());
                    BigDecimal close = BigDecimal.valueOf(bar.close());
                    if (p.quantity().signum() > 0
                            && close.compareTo(p.averageEntryPrice().multiply(LIMIT, MathContext.DECIMAL64)) <= 0) {
                        Map<String, String> values = new LinkedHashMap<>();
                        values.put("close", close.toPlainString());
                        values.put("averageEntryPrice", p.averageEntryPrice().toPlainString());
                        values.put("limitPercent", "0.2");
                        context.report(new RiskEvent(context.timeMillis(), "LOSS_LIMIT", "BELOW_ENTRY", "close "
                                + close.toPlainString() + " is 0.2 % or more below the entry "
                                + p.averageEntryPrice().toPlainString(), values));
                        context.closePosition(bar.instrument(), "close " + close.toPlainString()
                                + " at least 0.2 % below the entry");
                    }
                }
            };
        }
    }
}
