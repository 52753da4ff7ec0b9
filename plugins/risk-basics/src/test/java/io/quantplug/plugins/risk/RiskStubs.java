package io.quantplug.plugins.risk;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written stand-ins for what the runtime hands a risk rule: a portfolio with fixed positions and equity, and a
 * risk context around it. The plugin must not depend on the runtime, so these replace it in tests.
 */
final class RiskStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");

    private RiskStubs() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** A position of a given signed quantity. */
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

    /** A portfolio with fixed equity and positions. */
    static final class StubPortfolio implements PortfolioView {
        private final BigDecimal equity;
        private final Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();

        StubPortfolio(String equity) {
            this.equity = d(equity);
        }

        StubPortfolio with(InstrumentId instrument, String quantity) {
            positions.put(instrument, d(quantity));
            return this;
        }

        @Override
        public String currency() {
            return "USDT";
        }

        @Override
        public BigDecimal cash() {
            return equity;
        }

        @Override
        public BigDecimal equity() {
            return equity;
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
            positions.forEach((id, q) -> {
                if (q.signum() != 0) {
                    open.add(new StubPosition(id, q));
                }
            });
            return open;
        }
    }

    /** A risk context reading a stub portfolio. */
    record StubContext(PortfolioView portfolio) implements RiskContext {
        @Override
        public long timeMillis() {
            return 0L;
        }

        @Override
        public Instrument instrument(InstrumentId id) {
            throw new IllegalArgumentException("not needed by these rules");
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

    /**
     * A market order intent as the engine builds it: quantity times the price is the notional, and it reduces the
     * position when it is on the opposite side and not larger.
     */
    static OrderIntent intent(StubPortfolio portfolio, InstrumentId instrument, Side side, String quantity,
                              String price) {
        BigDecimal qty = d(quantity);
        BigDecimal position = portfolio.position(instrument).quantity();
        boolean reduces = position.signum() != 0 && position.signum() != side.sign()
                && qty.compareTo(position.abs()) <= 0;
        MarketOrder order = new MarketOrder(new ClientOrderId("o-1"), instrument, side, OrderSize.base(qty));
        return new OrderIntent(order, "s-1", Double.parseDouble(price), qty, qty.multiply(d(price)), reduces);
    }
}
