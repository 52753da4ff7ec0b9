package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.quantplug.runtime.internal.venue.VenueFixtures.SPOT;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Fees are {@code notional * bps / 10,000} rounded half-up to 8 decimals; slippage moves the price against the trader. */
class FeeAndSlippageModelTest {

    @Test
    void feeIsNotionalTimesBpsOverTenThousand() {
        // 12,345.6789 * 10 / 10,000 = 12.3456789
        assertThat(BpsFeeModel.flat(d("10")).fee(d("12345.6789"), Liquidity.TAKER))
                .isEqualTo(d("12.34567890"));
        // 2,000 * 7.5 / 10,000 = 1.5
        assertThat(BpsFeeModel.flat(d("7.5")).fee(d("2000"), Liquidity.TAKER)).isEqualByComparingTo("1.5");
    }

    @Test
    void feeRoundsHalfUpToEightDecimals() {
        // 1.23456789 * 0.001 = 0.00123456789 -> 0.00123457
        assertThat(BpsFeeModel.flat(d("10")).fee(d("1.23456789"), Liquidity.TAKER)).isEqualTo(d("0.00123457"));
        // 0.000005 * 0.001 = 0.000000005 exactly half a unit of the 8th decimal -> up to 0.00000001
        // (half-even would give 0)
        assertThat(BpsFeeModel.flat(d("10")).fee(d("0.000005"), Liquidity.TAKER)).isEqualTo(d("0.00000001"));
        // 0.0000049 * 0.001 = 0.0000000049 -> 0.00000000
        assertThat(BpsFeeModel.flat(d("10")).fee(d("0.0000049"), Liquidity.TAKER)).isEqualByComparingTo("0");
    }

    @Test
    void makerAndTakerRatesApplyToTheirLiquidity() {
        BpsFeeModel model = new BpsFeeModel(d("2"), d("10"));
        // 1,000 * 2 bps = 0.2; 1,000 * 10 bps = 1
        assertThat(model.fee(d("1000"), Liquidity.MAKER)).isEqualByComparingTo("0.2");
        assertThat(model.fee(d("1000"), Liquidity.TAKER)).isEqualByComparingTo("1");
        assertThat(model.rate(Liquidity.MAKER)).isEqualByComparingTo("0.0002");
        assertThat(model.rate(Liquidity.TAKER)).isEqualByComparingTo("0.001");
    }

    @Test
    void negativeRatesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BpsFeeModel.flat(d("-1")));
        assertThatIllegalArgumentException().isThrownBy(() -> new BpsSlippageModel(d("-0.5")));
    }

    @Test
    void slippageIsAgainstTheTraderAndStaysOnTheTick() {
        BpsSlippageModel model = new BpsSlippageModel(d("5"));
        // buy: 20,000.01 * 1.0005 = 20,000.01 + 10.000005 = 20,010.010005 -> up: 20,010.02
        assertThat(model.apply(d("20000.01"), Side.BUY, SPOT)).isEqualByComparingTo("20010.02");
        // sell: 20,000.01 * 0.9995 = 20,000.01 - 10.000005 = 19,990.009995 -> down: 19,990.00
        assertThat(model.apply(d("20000.01"), Side.SELL, SPOT)).isEqualByComparingTo("19990.00");
    }

    @Test
    void zeroSlippageLeavesThePrice() {
        assertThat(new BpsSlippageModel(BigDecimal.ZERO).apply(d("123.45"), Side.BUY, SPOT))
                .isEqualByComparingTo("123.45");
    }
}
