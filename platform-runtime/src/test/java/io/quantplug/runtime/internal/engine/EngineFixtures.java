package io.quantplug.runtime.internal.engine;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Hand-made instruments, bars, strategies and a recording listener for the engine tests. */
final class EngineFixtures {

    /** 2023-03-01T00:00:00Z. */
    static final long T0 = 1_677_628_800_000L;
    static final long MINUTE = 60_000L;

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    /** Tick 0.01, lot 0.001, minimum quantity 0.001, no minimum notional. */
    static final Instrument SPOT = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO, InstrumentKind.SPOT);

    /** The same rules on a perpetual. */
    static final Instrument PERP = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), BigDecimal.ZERO, InstrumentKind.PERPETUAL);

    static final Parameters NO_PARAMETERS = ParameterSchema.empty().defaults();

    private EngineFixtures() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** The one-minute bar number {@code i}: opens at {@code T0 + i minutes}, closes a minute later. */
    static Bar bar(int i, double open, double high, double low, double close) {
        return new Bar(BTC, Timeframe.M1, T0 + i * MINUTE, open, high, low, close, 1.0);
    }

    /** A bar that opens and closes at {@code open} and {@code close}, its range just covering both. */
    static Bar bar(int i, double open, double close) {
        return bar(i, open, Math.max(open, close), Math.min(open, close), close);
    }

    static long openOf(int i) {
        return T0 + i * MINUTE;
    }

    static long closeOf(int i) {
        return T0 + (i + 1) * MINUTE;
    }

    /** A strategy provider with id {@code script} whose instances the test writes inline. */
    static StrategyProvider provider(Function<StrategyContext, Strategy> factory) {
        return provider("script", factory);
    }

    static StrategyProvider provider(String id, Function<StrategyContext, Strategy> factory) {
        ExtensionDescriptor descriptor = new ExtensionDescriptor(id, "Test script " + id,
                "A strategy written inline in a test.", ParameterSchema.empty());
        return new StrategyProvider() {
            @Override
            public ExtensionDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Strategy create(StrategyContext context) {
                return factory.apply(context);
            }
        };
    }

    /** A session with no enhancers, starting at {@link #T0}. */
    static TradingSession session(Instrument instrument, String capital, String feeBps, String slippageBps,
                                  Bound<PositionSizer> sizer, List<Bound<RiskRule>> rules, SessionListener listener) {
        return new TradingSession(instrument, d(capital), BpsFeeModel.flat(d(feeBps)),
                new BpsSlippageModel(d(slippageBps)), List.of(), sizer, rules, listener, T0, 100, 0);
    }

    /** Everything a session reports, in order. */
    static class Recording implements SessionListener {
        record SignalSeen(long timeMillis, String strategy, Signal signal, String outcome) {
        }

        record Submitted(long timeMillis, String strategy, Order order) {
        }

        final List<SignalSeen> signals = new ArrayList<>();
        final List<Submitted> submitted = new ArrayList<>();
        final List<OrderEvent> events = new ArrayList<>();
        final List<PluginFault> faults = new ArrayList<>();
        final List<RiskEventReport> riskEvents = new ArrayList<>();
        final List<SignalDecision> decisions = new ArrayList<>();
        /** The engine's reason for each of its own orders, by client order id. */
        final Map<String, String> reasons = new LinkedHashMap<>();
        /** The owner of each position change, in order. */
        final List<String> positionOwners = new ArrayList<>();
        /** Signals, submissions, events and faults as one time-ordered log of lines. */
        final List<String> log = new ArrayList<>();

        @Override
        public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
            signals.add(new SignalSeen(timeMillis, strategy, signal, outcome));
            log.add(timeMillis + " signal " + signal.direction() + " " + outcome);
        }

        @Override
        public void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
            if (reason != null) {
                reasons.put(order.clientOrderId().value(), reason);
            }
            onOrderSubmitted(timeMillis, strategy, order);
        }

        @Override
        public void onSignalDecision(SignalDecision decision) {
            decisions.add(decision);
            log.add(decision.timeMillis() + " decision " + decision.outcome());
        }

        @Override
        public void onRiskEvent(RiskEventReport report) {
            riskEvents.add(report);
            log.add(report.timeMillis() + " risk event " + report);
        }

        @Override
        public void onPositionChanged(PositionChange change) {
            positionOwners.add(change.strategy());
        }

        @Override
        public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
            submitted.add(new Submitted(timeMillis, strategy, order));
            log.add(timeMillis + " submitted " + order);
        }

        @Override
        public void onOrderEvent(String strategy, OrderEvent event) {
            events.add(event);
            log.add(event.timeMillis() + " event " + event);
        }

        @Override
        public void onFault(PluginFault fault) {
            faults.add(fault);
            log.add(fault.timeMillis() + " fault " + fault);
        }

        List<Fill> fills() {
            return events.stream().filter(OrderFilled.class::isInstance).map(e -> ((OrderFilled) e).fill()).toList();
        }

        List<OrderRejected> rejections() {
            return events.stream().filter(OrderRejected.class::isInstance).map(OrderRejected.class::cast).toList();
        }
    }
}
