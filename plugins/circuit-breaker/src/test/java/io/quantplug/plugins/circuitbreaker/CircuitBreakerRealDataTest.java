package io.quantplug.plugins.circuitbreaker;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.Platform;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import io.quantplug.samples.sma.SmaCrossoverProvider;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit breaker in a real backtest: the sample SMA crossover (10/30) on 21 days of Binance.US BTCUSDT
 * one-minute bars, 10 bps fees, with the breaker tripping after 3 losing round trips in a row, a 60-minute cooldown
 * and one probe order (its other triggers off). Its trips, half-openings and resets must arrive in the result, one
 * for one as the rule made them and with its id, and in {@code risk_events} of a run stored through the platform;
 * the first trip must fall where the result's own round trips show the first three losses in a row.
 */
class CircuitBreakerRealDataTest {

    private static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final Map<String, String> PARAMETERS = parameters();
    private static final long MINUTE = 60_000L;

    private static BacktestRun run;
    private static final List<CircuitBreakerRule> created = new ArrayList<>();

    @TempDir
    Path home;

    private static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CircuitBreakerProvider.DAILY_LOSS_PERCENT, "0");
        p.put(CircuitBreakerProvider.DRAWDOWN_PERCENT, "0");
        p.put(CircuitBreakerProvider.VOLATILITY_K, "0");
        p.put(CircuitBreakerProvider.MAX_CONSECUTIVE_LOSSES, "3");
        p.put(CircuitBreakerProvider.COOLDOWN_MINUTES, "60");
        p.put(CircuitBreakerProvider.PROBE_ORDERS, "1");
        return p;
    }

    /** The real provider, keeping the rules it creates so the test can read their own event history. */
    private static final class Keeping implements RiskRuleProvider {
        private final CircuitBreakerProvider real = new CircuitBreakerProvider();

        @Override
        public ExtensionDescriptor descriptor() {
            return real.descriptor();
        }

        @Override
        public RiskRule create(Parameters parameters) {
            CircuitBreakerRule rule = (CircuitBreakerRule) real.create(parameters);
            created.add(rule);
            return rule;
        }
    }

    @BeforeAll
    static void backtest() {
        run = PluginBacktest.of(new SmaCrossoverProvider())
                .parameters(Map.of("fast", 10, "slow", 30))
                .csv(SharedData.require(FILE))
                .instrument("BTCUSDT")
                .fees(10)
                .riskRule(new Keeping(), PARAMETERS)
                .run();
    }

    @Test
    void tripsHalfOpeningsAndResetsArriveInTheResultWithTheRuleId() {
        List<RiskEventReport> events = run.riskEvents();
        assertThat(events).extracting(RiskEventReport::ruleId).containsOnly("circuit-breaker");
        assertThat(events).extracting(e -> e.event().eventType()).contains("TRIP", "HALF_OPEN", "RESET")
                .containsOnly("TRIP", "HALF_OPEN", "RESET");
        // one for one what the rule itself recorded
        assertThat(created).hasSize(1);
        assertThat(events).extracting(RiskEventReport::event).containsExactlyElementsOf(
                created.get(0).events().stream().map(CircuitBreakerEvent::toRiskEvent).toList());
        // the states follow the breaker's graph: CLOSED -TRIP-> OPEN -HALF_OPEN-> HALF_OPEN -RESET|TRIP-> ...
        String state = "CLOSED";
        for (RiskEventReport r : events) {
            String type = r.event().eventType();
            assertThat(state + " " + type).isIn("CLOSED TRIP", "OPEN HALF_OPEN", "HALF_OPEN RESET", "HALF_OPEN TRIP");
            state = switch (type) {
                case "TRIP" -> "OPEN";
                case "HALF_OPEN" -> "HALF_OPEN";
                default -> "CLOSED";
            };
        }
    }

    @Test
    void theFirstTripIsAtTheExitOfTheThirdLosingRoundTripInARow() {
        List<RoundTrip> trades = run.trades();
        int third = -1;
        for (int k = 2; k < trades.size() && third < 0; k++) {
            if (trades.get(k).pnl().signum() < 0 && trades.get(k - 1).pnl().signum() < 0
                    && trades.get(k - 2).pnl().signum() < 0) {
                third = k;
            }
        }
        assertThat(third).isGreaterThanOrEqualTo(2);
        RiskEvent trip = run.riskEvents().get(0).event();
        long tripTime = trades.get(third).exitTimeMillis();
        assertThat(trip.eventType()).isEqualTo("TRIP");
        assertThat(trip.code()).isEqualTo("CONSECUTIVE_LOSSES");
        assertThat(trip.timeMillis()).isEqualTo(tripTime);
        assertThat(trip.values()).containsEntry("lossStreak", "3").containsEntry("limit", "3")
                .containsEntry("pnl", trades.get(third).pnl().stripTrailingZeros().toPlainString());
        // the cooldown of 60 minutes: the breaker half-opens an hour after the trip
        RiskEvent halfOpen = run.riskEvents().get(1).event();
        assertThat(halfOpen.eventType()).isEqualTo("HALF_OPEN");
        assertThat(halfOpen.timeMillis()).isEqualTo(tripTime + 60 * MINUTE);
        // while OPEN the rule refused entries, naming itself
        assertThat(run.result().rejections()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.reason().ruleId()).isEqualTo("circuit-breaker");
            assertThat(r.reason().code()).isIn("CIRCUIT_OPEN", "CIRCUIT_HALF_OPEN");
        });
    }

    /** A stored JSON object of text values, e.g. {@code {"pnl":"-8.9","halfOpenAt":"..."}}, in its order. */
    private static Map<String, String> readValues(String json) {
        try {
            return ResultJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError("risk_events.event_values is not a JSON object of text: " + json, e);
        }
    }

    @Test
    void aStoredRunHasTheEventsInRiskEventsUnderTheRuleId() throws SQLException {
        BacktestConfig config = new BacktestConfig(InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow(),
                new BigDecimal("10000"), new BigDecimal("10"), BigDecimal.ZERO,
                new ExtensionRef("sma-crossover", Map.of("fast", "10", "slow", "30")), List.of(), null,
                List.of(new ExtensionRef("circuit-breaker", PARAMETERS)));
        try (Platform platform = Platform.builder().classPathExtensions(getClass().getClassLoader())
                .store(DatabaseSettings.embedded(home)).build()) {
            BacktestResult result = platform.backtest(config, SharedData.require(FILE));
            Store store = platform.store().orElseThrow();
            long runId = store.runs().list().get(0).id();

            List<String> expected = result.riskEvents().stream().map(r -> r.ruleId() + " " + r.event().eventType()
                    + " " + r.event().code() + " " + r.event().timeMillis()).toList();
            assertThat(expected).isEqualTo(run.riskEvents().stream().map(r -> r.ruleId() + " "
                    + r.event().eventType() + " " + r.event().code() + " " + r.event().timeMillis()).toList());
            List<String> stored = new ArrayList<>();
            List<Map<String, String>> storedValues = new ArrayList<>();
            try (Connection c = store.database().connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT rule_id, event_type, code, event_time, event_values FROM risk_events"
                            + " WHERE run_id = ? AND event_values IS NOT NULL ORDER BY seq")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toEpochMilli());
                        storedValues.add(readValues(rs.getString(5)));
                    }
                }
            }
            assertThat(stored).containsExactlyElementsOf(expected);
            assertThat(storedValues).containsExactlyElementsOf(result.riskEvents().stream()
                    .map(r -> r.event().values()).toList());
            ResultDocument doc = store.runs().document(runId).orElseThrow();
            assertThat(doc.riskEvents()).extracting(ResultDocument.RiskEventEntry::values)
                    .containsExactlyElementsOf(result.riskEvents().stream().map(r -> r.event().values()).toList());
        }
    }
}
