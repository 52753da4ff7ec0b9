package io.quantplug.plugins.volatility;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written stand-ins for what the runtime hands a risk rule: a portfolio whose positions the test sets, and a
 * risk context with a clock that records the events reported and the closes asked for. The runtime's own
 * implementation of {@link RiskContext#report} and {@link RiskContext#closePosition} is written elsewhere, so the
 * guard is tested against this fake.
 */
final class GuardStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    private static int orders;

    private GuardStubs() {
    }

    /** A guard with the given parameters (name, value, ...), the rest at their defaults. */
    static BlackSwanGuardRule guard(String... nameValues) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            raw.put(nameValues[i], nameValues[i + 1]);
        }
        BlackSwanGuardProvider provider = new BlackSwanGuardProvider();
        Parameters p = provider.descriptor().parameters().resolve(raw);
        return (BlackSwanGuardRule) provider.create(p);
    }

    /** A one-minute bar with open = high = low = close. */
    static Bar bar(int minute, double close) {
        return new Bar(BTC, Timeframe.M1, minute * 60_000L, close, close, close, close, 1.0);
    }

    /** A position of a signed quantity. */
    record StubPosition(InstrumentId instrument, BigDecimal quantity) implements PositionView {
        @Override
        public BigDecimal averageEntryPrice() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal realizedPnl() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal unrealizedPnl() {
            return BigDecimal.ZERO;
        }
    }

    /** A portfolio whose positions the test sets. */
    static final class StubPortfolio implements PortfolioView {
        private final Map<InstrumentId, BigDecimal> positions = new HashMap<>();

        void set(InstrumentId instrument, String quantity) {
            positions.put(instrument, new BigDecimal(quantity));
        }

        @Override
        public String currency() {
            return "USDT";
        }

        @Override
        public BigDecimal cash() {
            return new BigDecimal("10000");
        }

        @Override
        public BigDecimal equity() {
            return cash();
        }

        @Override
        public BigDecimal realizedPnl() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal totalFees() {
            return BigDecimal.ZERO;
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            return new StubPosition(instrument, positions.getOrDefault(instrument, BigDecimal.ZERO));
        }

        @Override
        public List<PositionView> openPositions() {
            List<PositionView> open = new ArrayList<>();
            positions.forEach((i, q) -> {
                if (q.signum() != 0) {
                    open.add(new StubPosition(i, q));
                }
            });
            return open;
        }
    }

    /** A close the rule asked for. */
    record CloseRequest(long timeMillis, InstrumentId instrument, String reason) {
    }

    /** A risk context over a stub portfolio; its clock is the bar's close time. */
    static class BaseContext implements RiskContext {
        final StubPortfolio portfolio = new StubPortfolio();
        long timeMillis;

        /** Feeds a bar to the rule at the bar's close time. */
        void onBar(BlackSwanGuardRule rule, Bar bar) {
            timeMillis = bar.closeTimeMillis();
            rule.onBar(bar, this);
        }

        @Override
        public long timeMillis() {
            return timeMillis;
        }

        @Override
        public PortfolioView portfolio() {
            return portfolio;
        }

        @Override
        public Instrument instrument(InstrumentId id) {
            throw new IllegalArgumentException("not needed by the guard");
        }

        @Override
        public double lastPrice(InstrumentId id) {
            return Double.NaN;
        }

        @Override
        public int openOrderCount() {
            return 0;
        }
    }

    /** A context that records what the rule reports and the closes it asks for. */
    static final class RecordingContext extends BaseContext {
        final List<RiskEvent> reported = new ArrayList<>();
        final List<CloseRequest> closes = new ArrayList<>();

        @Override
        public void report(RiskEvent event) {
            reported.add(event);
        }

        @Override
        public void closePosition(InstrumentId instrument, String reason) {
            closes.add(new CloseRequest(timeMillis, instrument, reason));
        }
    }

    /** A context with the SPI's defaults for report and closePosition (they throw), as today's runtime has. */
    static final class LegacyContext extends BaseContext {
    }

    /** A market order intent as the engine builds it: it reduces when opposite to the position and not larger. */
    static OrderIntent intent(StubPortfolio portfolio, Side side, String quantity, double price) {
        BigDecimal qty = new BigDecimal(quantity);
        BigDecimal position = portfolio.position(BTC).quantity();
        boolean reduces = position.signum() != 0 && position.signum() != side.sign()
                && qty.compareTo(position.abs()) <= 0;
        MarketOrder order = new MarketOrder(new ClientOrderId("o-" + (++orders)), BTC, side, OrderSize.base(qty));
        return new OrderIntent(order, "s-1", price, qty, qty.multiply(BigDecimal.valueOf(price)), reduces);
    }
}
