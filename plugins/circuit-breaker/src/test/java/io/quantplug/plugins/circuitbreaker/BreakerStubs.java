package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the breaker tests share beyond the test kit's fakes ({@code FakeRiskContext}, {@code FakePortfolio},
 * {@code OrderIntents}): the instruments, a breaker with every trigger off but the ones a test names, fills, bars
 * and instants.
 */
final class BreakerStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");
    static final InstrumentId SOL = InstrumentId.of("SOLUSDT", "SIM");

    private static int fills;

    private BreakerStubs() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** UTC epoch milliseconds of an ISO-8601 instant, e.g. {@code 2023-03-10T10:00:00Z}. */
    static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /**
     * A circuit breaker with every trigger off except the given parameters (name, value, name, value ...).
     */
    static CircuitBreakerRule breaker(String... nameValues) {
        String[] all = new String[10 + nameValues.length];
        String[] off = {CircuitBreakerProvider.DAILY_LOSS_PERCENT, "0", CircuitBreakerProvider.DRAWDOWN_PERCENT, "0",
                CircuitBreakerProvider.MAX_OPEN_POSITIONS, "0", CircuitBreakerProvider.MAX_CONSECUTIVE_LOSSES, "0",
                CircuitBreakerProvider.VOLATILITY_K, "0"};
        System.arraycopy(off, 0, all, 0, off.length);
        System.arraycopy(nameValues, 0, all, off.length, nameValues.length);   // a later value replaces an earlier
        CircuitBreakerProvider provider = new CircuitBreakerProvider();
        return (CircuitBreakerRule) provider.create(TestParameters.of(provider, all));
    }

    /** A fill with its fee in the account currency (USDT). */
    static Fill fill(InstrumentId instrument, Side side, String quantity, String price, String fee, long timeMillis) {
        return fill(instrument, side, quantity, price, fee, "USDT", timeMillis);
    }

    static Fill fill(InstrumentId instrument, Side side, String quantity, String price, String fee, String feeAsset,
                     long timeMillis) {
        return new Fill(new ClientOrderId("f-" + (++fills)), instrument, side, d(price), d(quantity), d(fee),
                feeAsset, Liquidity.TAKER, timeMillis);
    }

    /** A one-minute bar. */
    static Bar bar(InstrumentId instrument, long openTimeMillis, double open, double high, double low, double close) {
        return new Bar(instrument, Timeframe.M1, openTimeMillis, open, high, low, close, 1.0);
    }

    /** A flat one-minute bar at a price (no range, no return against an equal previous close). */
    static Bar flatBar(InstrumentId instrument, long openTimeMillis, double price) {
        return bar(instrument, openTimeMillis, price, price, price, price);
    }
}
