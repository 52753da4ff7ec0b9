package io.quantplug.plugins.volatility;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.testkit.TestParameters;

/**
 * What the guard tests share beyond the test kit's {@code FakeRiskContext} (which records the events reported and
 * the closes asked for, or refuses both like the SPI's defaults): the instrument, a guard from its provider, and
 * bars.
 */
final class GuardStubs {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    private GuardStubs() {
    }

    /** A guard with the given parameters (name, value, ...), the rest at their defaults. */
    static BlackSwanGuardRule guard(String... nameValues) {
        BlackSwanGuardProvider provider = new BlackSwanGuardProvider();
        return (BlackSwanGuardRule) provider.create(TestParameters.of(provider, nameValues));
    }

    /** A one-minute bar with open = high = low = close. */
    static Bar bar(int minute, double close) {
        return new Bar(BTC, Timeframe.M1, minute * 60_000L, close, close, close, close, 1.0);
    }
}
