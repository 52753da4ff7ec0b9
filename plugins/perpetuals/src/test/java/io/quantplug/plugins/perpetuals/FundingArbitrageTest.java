package io.quantplug.plugins.perpetuals;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The entry hurdle by hand, and the refusal of a subscription that is not a spot instrument and its perpetual. */
class FundingArbitrageTest {

    private final FundingArbitrageProvider provider = new FundingArbitrageProvider();

    @Test
    void carryIsTheAnnualisedFundingPlusBasisLessFourFills() {
        FundingArbitrage.Settings s = FundingArbitrage.Settings.of(TestParameters.of(provider, "holdDays", "30",
                "costBps", "5"));
        assertThat(s.entryApr()).isEqualTo(0.10);
        assertThat(s.cost()).isEqualTo(0.0005);
        // 0.01 % every 8 h is 10.95 % a year; over 30 days that is 0.9 %, plus a 0.1 % premium, less 4 x 0.05 %:
        // (0.0109500 x 30/365 + 0.001 - 0.002) x 365/30 = 0.1095 - 0.001 x 365/30 = 0.0973333...
        assertThat(s.carry(0.1095, 0.001)).isCloseTo(0.1095 - 0.001 * 365 / 30, within(1e-15));
        // a discount costs as much: -0.1 % basis
        assertThat(s.carry(0.1095, -0.001)).isCloseTo(0.1095 - 0.003 * 365 / 30, within(1e-15));
    }

    @Test
    void refusesAnythingButASpotInstrumentAndItsPerpetual() {
        Instrument spot = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("5"));
        FakeStrategyContext context = new FakeStrategyContext(spot).parameters(TestParameters.of(provider));
        assertThatThrownBy(() -> provider.create(context)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("funding-arbitrage subscribes to a spot instrument and then its perpetual,"
                        + " got [BTCUSDT.BINANCE (SPOT)]");
    }
}
