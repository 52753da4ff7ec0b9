package io.quantplug.app.alerts;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session events become alerts of the right kind, and every event still reaches the next listener. */
class AlertingListenerTest {

    final List<Alert> alerts = new ArrayList<>();
    final List<Object> passed = new ArrayList<>();
    final SessionListener next = new SessionListener() {
        @Override
        public void onOrderEvent(String strategy, io.quantplug.api.order.OrderEvent event) {
            passed.add(event);
        }

        @Override
        public void onFault(PluginFault fault) {
            passed.add(fault);
        }

        @Override
        public void onRiskEvent(RiskEventReport report) {
            passed.add(report);
        }
    };
    final AlertingListener listener = new AlertingListener(alerts::add, "paper sma BTCUSDT 1m", "BTCUSDT.BINANCE",
            next);

    @Test
    void aCircuitBreakerTripIsAnAlertAndItsResetIsNot() {
        // what the circuit-breaker plugin reports (CircuitBreakerEvent.toRiskEvent): type TRIP, code the reason
        RiskEvent trip = new RiskEvent(1_000, "TRIP", "DAILY_LOSS_LIMIT",
                "daily loss 520.00 >= limit 500.00; OPEN until 2024-08-09T00:00:00Z",
                Map.of("dailyLoss", "520.00", "limit", "500.00"));
        RiskEvent reset = new RiskEvent(2_000, "RESET", "PROBE_WIN", "probe won; CLOSED", Map.of());
        listener.onRiskEvent(new RiskEventReport("circuit-breaker", "sma", trip));
        listener.onRiskEvent(new RiskEventReport("circuit-breaker", null, reset));
        assertThat(passed).hasSize(2);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CIRCUIT_BREAKER);
            assertThat(a.instrument()).isEqualTo("BTCUSDT.BINANCE");
            assertThat(a.timeMillis()).isEqualTo(1_000);
            assertThat(a.message()).isEqualTo("circuit-breaker TRIP DAILY_LOSS_LIMIT: daily loss 520.00 >= limit"
                    + " 500.00; OPEN until 2024-08-09T00:00:00Z (strategy sma)");
        });
    }

    @Test
    void aRejectedOrderAndAPluginFaultAreAlerts() {
        InstrumentId eth = InstrumentId.parse("ETHUSDT.BINANCE");
        listener.onOrderEvent("sma", new OrderRejected(new ClientOrderId("sma-7"), eth, 5_000,
                new RejectReason(RejectSource.RISK_RULE, "MAX_ORDER_NOTIONAL", "notional 1500 > 1000",
                        "max-order-notional")));
        listener.onFault(new PluginFault(6_000, "sma-crossover", "sma", "onBar", "IllegalStateException: boom",
                FaultAction.STOPPED_INSTANCE));
        listener.reconciliationDifference(7_000, "ETHUSDT.BINANCE", "MISSED_FILL", "venue fill 12 not in journal");
        assertThat(passed).hasSize(2);
        assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.ORDER_REJECTED, AlertKind.PLUGIN_FAULT,
                AlertKind.RECONCILIATION);
        assertThat(alerts.get(0).instrument()).isEqualTo("ETHUSDT.BINANCE");
        assertThat(alerts.get(0).message()).isEqualTo("order sma-7 of sma rejected by RISK_RULE max-order-notional:"
                + " MAX_ORDER_NOTIONAL: notional 1500 > 1000");
        assertThat(alerts.get(1).message()).isEqualTo("sma-crossover (sma) onBar threw IllegalStateException: boom;"
                + " STOPPED_INSTANCE");
        assertThat(alerts.get(2).message()).isEqualTo("MISSED_FILL: venue fill 12 not in journal");
    }

    @Test
    void aDisconnectIsReportedOnceAfterTheThresholdAndItsEndAfterwards() {
        MutableClock clock = new MutableClock(Instant.parse("2024-08-08T00:00:00Z"));
        boolean[] up = {true};
        DisconnectWatch watch = new DisconnectWatch(() -> up[0], () -> "stream closed: 1006", Duration.ofSeconds(60),
                clock, alerts::add, "paper sma BTCUSDT 1m", "BTCUSDT.BINANCE");
        watch.run();
        up[0] = false;
        for (int s = 0; s < 59; s++) {
            watch.run();
            clock.advance(Duration.ofSeconds(1));
        }
        watch.run(); // 59 s down
        assertThat(alerts).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        watch.run(); // 60 s
        clock.advance(Duration.ofSeconds(30));
        watch.run(); // still down: no second alert
        up[0] = true;
        clock.advance(Duration.ofSeconds(5));
        watch.run();
        watch.run();
        assertThat(alerts).extracting(Alert::message).containsExactly(
                "connection down for 60 s (threshold 60 s): stream closed: 1006", "connection back after 95 s down");
        assertThat(alerts).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AlertKind.DISCONNECT));
    }
}
