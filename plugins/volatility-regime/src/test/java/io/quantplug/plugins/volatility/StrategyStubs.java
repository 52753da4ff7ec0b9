package io.quantplug.plugins.volatility;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;

/**
 * The regime-trend strategy's unit-test context: the test kit's {@link FakeStrategyContext} (clock, account, and the
 * signals, orders and cancels in order) set up for regime-trend, plus a fill that books the position as the engine
 * would. The strategy must not depend on the runtime (the test-kit backtests use the real engine).
 */
final class StrategyStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("5"));

    private StrategyStubs() {
    }

    /** A one-minute bar with open = high = low = close. */
    static Bar bar(int minute, double close) {
        return new Bar(BTC, Timeframe.M1, minute * 60_000L, close, close, close, close, 1.0);
    }

    /**
     * The context: instance {@code regime-trend-1}, order ids {@code rt-1, rt-2 ...}, a 10,000 USDT account; the
     * parameters (name, value, ...) resolved by the provider's schema.
     */
    static final class FakeContext extends FakeStrategyContext {

        FakeContext(String... nameValues) {
            super(SPOT);
            instanceId("regime-trend-1").clientOrderIdPrefix("rt-")
                    .parameters(TestParameters.of(new RegimeTrendProvider(), nameValues));
            portfolio().equity("10000");
        }

        /** The strategy this context's parameters describe. */
        RegimeTrendStrategy strategy() {
            return (RegimeTrendStrategy) new RegimeTrendProvider().create(this);
        }

        /** Books a fill into the position and tells the strategy, as the engine does. */
        void fill(RegimeTrendStrategy s, ClientOrderId id, Side side, String quantity, String price,
                  String positionAfter, String averageEntry) {
            portfolio().withPosition(BTC, positionAfter, averageEntry);
            Fill f = new Fill(id, BTC, side, new BigDecimal(price), new BigDecimal(quantity), BigDecimal.ZERO, "USDT",
                    Liquidity.TAKER, timeMillis());
            s.onOrderEvent(new OrderFilled(f, BigDecimal.ZERO));
        }
    }
}
