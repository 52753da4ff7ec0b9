package io.quantplug.plugins.perpetuals;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hedge order by hand, and the refusal of a subscription without exactly one perpetual of one base asset. */
class DeltaHedgerTest {

    private static final Instrument PERP = new Instrument(InstrumentId.of("BTCUSDT", "BINANCE_USDM"), "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"),
            InstrumentKind.PERPETUAL);

    private final DeltaHedger full = new DeltaHedger(new FakeStrategyContext(PERP), BigDecimal.ONE, BigDecimal.ONE);

    @Test
    void hedgesTheNetDeltaOutsideTheBandToTheLot() {
        BigDecimal equity = new BigDecimal("10000");
        // 0.5 BTC spot, no hedge, at 20,000: 10,000 of delta, above 1 % of equity -> sell 0.5 on the perpetual
        assertThat(full.hedge(new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("20000"), equity))
                .isEqualByComparingTo("-0.5");
        // hedged but for 0.004 BTC (80 USDT, within the 100 USDT band): nothing
        assertThat(full.hedge(new BigDecimal("0.5"), new BigDecimal("-0.496"), new BigDecimal("20000"), equity))
                .isEqualByComparingTo("0");
        // spot sold, the short left: buy it back; rounded toward zero to the 0.001 lot
        assertThat(full.hedge(BigDecimal.ZERO, new BigDecimal("-0.5004"), new BigDecimal("20000"), equity))
                .isEqualByComparingTo("0.500");
        // half the exposure hedged: target -0.25
        DeltaHedger half = new DeltaHedger(new FakeStrategyContext(PERP), BigDecimal.ONE, new BigDecimal("0.5"));
        assertThat(half.hedge(new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("20000"), equity))
                .isEqualByComparingTo("-0.25");
    }

    @Test
    void refusesASubscriptionWithoutOnePerpetual() {
        DeltaHedgerProvider provider = new DeltaHedgerProvider();
        FakeStrategyContext context = new FakeStrategyContext(PERP).parameters(TestParameters.of(provider));
        assertThatThrownBy(() -> provider.create(context)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("delta-hedger subscribes to instruments of one base asset, exactly one of them"
                        + " a perpetual, got [BTCUSDT.BINANCE_USDM (PERPETUAL, BTC)]");
    }
}
