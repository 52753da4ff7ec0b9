package io.quantplug.runtime.margin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance's liquidation price formula, by hand: at the price it gives, the margin balance {@code WB + side × q ×
 * (LP − EP)} equals the maintenance margin {@code q × LP × mmr − cum} of the tier at that price.
 */
class LiquidationPriceTest {

    private final LeverageBrackets btc = LeverageBrackets.binanceBtcusdt();

    @Test
    void isolatedLongAtTwentyTimes() {
        // 1 BTC long at 10,000, isolated wallet 10,000 / 20 = 500, tier 1 (0.4 %, cum 0):
        // LP = (500 + 0 - 10,000) / (0.004 - 1) = 9,500 / 0.996 = 9,538.15261044...
        BigDecimal lp = LiquidationPrice.of(true, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("500"),
                BigDecimal.ZERO, BigDecimal.ZERO, btc);
        assertThat(lp).isEqualByComparingTo(new BigDecimal("9500").divide(new BigDecimal("0.996"),
                MathContext.DECIMAL128));
        assertThat(lp.setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("9538.1526");
        balanceEqualsMaintenance(true, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("500"), lp);
    }

    @Test
    void isolatedShortAtTwentyTimes() {
        // LP = (500 + 0 + 10,000) / (0.004 + 1) = 10,458.16733...
        BigDecimal lp = LiquidationPrice.of(false, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("500"),
                BigDecimal.ZERO, BigDecimal.ZERO, btc);
        assertThat(lp).isEqualByComparingTo(new BigDecimal("10500").divide(new BigDecimal("1.004"),
                MathContext.DECIMAL128));
        balanceEqualsMaintenance(false, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("500"), lp);
    }

    @Test
    void theTierAtTheLiquidationPriceDecides() {
        // 5.5 BTC long at 10,000 (55,000: tier 2) with wallet 3,000: in tier 2 the price would be
        // (3,000 + 50 - 55,000) / (5.5 x 0.005 - 5.5) = 9,488.58; 5.5 x 9,488.58 = 52,187 is still tier 2.
        // With wallet 6,000: (6,000 + 50 - 55,000) / (-5.4725) = 8,944.724 -> 49,196: tier 1, so again with tier 1:
        // (6,000 + 0 - 55,000) / (5.5 x 0.004 - 5.5) = 8,944.87... (49,196.8: tier 1 holds).
        BigDecimal q = new BigDecimal("5.5");
        BigDecimal lp = LiquidationPrice.of(true, q, new BigDecimal("10000"), new BigDecimal("6000"),
                BigDecimal.ZERO, BigDecimal.ZERO, btc);
        assertThat(lp).isEqualByComparingTo(new BigDecimal("-49000").divide(new BigDecimal("-5.478"),
                MathContext.DECIMAL128));
        assertThat(btc.bracketFor(q.multiply(lp)).bracket()).isEqualTo(1);
        balanceEqualsMaintenance(true, q, new BigDecimal("10000"), new BigDecimal("6000"), lp);
    }

    /**
     * Binance's own worked example, FAQ "How to Avoid Liquidation on Binance Futures"
     * (binance.com/en/support/faq/25edcd7fe0e544839d0847b8cbb2e400): with a wallet balance of 500 USDT, a long
     * BTCUSDT position worth 1,000 USDT at 50,000 (0.02 BTC, tier 1: 0.4 %, cum 0) is liquidated at 25,100.40.
     * The FAQ's next figure, 35,857.67 after a second long worth 1,000 USDT at 45,000, does not state the second
     * fill's quantity and price, and no reading of them reproduces it to the cent (0.042 BTC costing 2,000 USDT gives
     * 35,857.72), so it is not asserted.
     */
    @Test
    void binancesWorkedExampleOfALongAtTwentyTimes() {
        BigDecimal q = new BigDecimal("0.02");
        BigDecimal lp = LiquidationPrice.of(true, q, new BigDecimal("50000"), new BigDecimal("500"), BigDecimal.ZERO,
                BigDecimal.ZERO, btc);
        assertThat(lp.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("25100.40");
        balanceEqualsMaintenance(true, q, new BigDecimal("50000"), new BigDecimal("500"), lp);
    }

    @Test
    void aLongBackedByMoreThanItsNotionalCannotBeLiquidated() {
        assertThat(LiquidationPrice.of(true, BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("200"),
                BigDecimal.ZERO, BigDecimal.ZERO, btc)).isEqualByComparingTo("0");
    }

    private void balanceEqualsMaintenance(boolean isLong, BigDecimal q, BigDecimal entry, BigDecimal wallet,
                                          BigDecimal lp) {
        BigDecimal side = isLong ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal balance = wallet.add(side.multiply(q).multiply(lp.subtract(entry)));
        BigDecimal maintenance = btc.maintenanceMargin(q.multiply(lp));
        assertThat(balance.subtract(maintenance).abs()).isLessThan(new BigDecimal("1e-25"));
    }
}
