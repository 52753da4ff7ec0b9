package io.quantplug.runtime.margin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The brackets against the worked examples of Binance's FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures
 * Contracts": a BTCUSDT position of 264,000 USDT has a maintenance margin rate of 1 %; one of 500,000 USDT a
 * maintenance amount of 1,300 USDT, which is 250,000 × (1 % − 0.5 %) + 50; maintenance margin = notional × rate −
 * amount. Initial margin = notional / leverage ("Leverage and Margin of USDⓈ-M Futures"), with the example of the
 * FAQ "How to Calculate Cost Required to Open a Position in Perpetual Futures Contracts".
 */
class LeverageBracketsTest {

    private final LeverageBrackets btc = LeverageBrackets.binanceBtcusdt();

    @Test
    void maintenanceMarginRateOfTheFaqExample() {
        assertThat(btc.bracketFor(new BigDecimal("264000")).maintMarginRatio()).isEqualByComparingTo("0.01");
    }

    @Test
    void maintenanceAmountOfTheFaqExampleFollowsItsFormula() {
        LeverageBracket tier = btc.bracketFor(new BigDecimal("500000"));
        assertThat(tier.cum()).isEqualByComparingTo("1300");
        BigDecimal tier2Cum = btc.bracketFor(new BigDecimal("100000")).cum();
        assertThat(new BigDecimal("250000").multiply(new BigDecimal("0.01").subtract(new BigDecimal("0.005")))
                .add(tier2Cum)).isEqualByComparingTo("1300");
    }

    @Test
    void maintenanceMarginIsNotionalTimesRateLessTheAmount() {
        // 500,000 x 1 % - 1,300 = 3,700; 40,000 x 0.4 % - 0 = 160 (tier 1)
        assertThat(btc.maintenanceMargin(new BigDecimal("500000"))).isEqualByComparingTo("3700");
        assertThat(btc.maintenanceMargin(new BigDecimal("40000"))).isEqualByComparingTo("160");
        // continuous at a tier edge: 50,000 x 0.4 % = 200 = 50,000 x 0.5 % - 50
        assertThat(btc.brackets().get(0).maintenanceMargin(new BigDecimal("50000")))
                .isEqualByComparingTo(btc.maintenanceMargin(new BigDecimal("50000")));
    }

    @Test
    void initialMarginOfBinancesCostToOpenExample() {
        // Binance FAQ "How to Calculate Cost Required to Open a Position": a long of 1 BTC at 9,253.30 with 20x needs
        // an initial margin of (9,253.30 x 1) / 20 = 462.66 USDT (shown at cent precision)
        BigDecimal margin = btc.initialMargin(new BigDecimal("9253.30"), 20);
        assertThat(margin).isEqualByComparingTo("462.665");
        assertThat(margin.setScale(2, java.math.RoundingMode.DOWN)).isEqualByComparingTo("462.66");
        assertThatIllegalArgumentException().isThrownBy(() -> btc.initialMargin(BigDecimal.ONE, 0))
                .withMessage("leverage 0 is outside BTCUSDT's limit: 1 to 125");
    }

    @Test
    void leverageLimitsAndTheNotionalTheyHold() {
        assertThat(btc.maxLeverage()).isEqualTo(125);
        assertThat(btc.maxNotional(125)).isEqualByComparingTo("50000");
        assertThat(btc.maxNotional(20)).isEqualByComparingTo("10000000");
        assertThatIllegalArgumentException().isThrownBy(() -> btc.checkLeverage(126))
                .withMessage("leverage 126 is outside BTCUSDT's limit: 1 to 125");
    }

    @Test
    void readsTheApiAnswerAndRefusesAnInconsistentTable() {
        String api = "[{\"symbol\":\"ETHUSDT\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":75,\"notionalCap\":10000,"
                + "\"notionalFloor\":0,\"maintMarginRatio\":0.0065,\"cum\":0},{\"bracket\":2,\"initialLeverage\":50,"
                + "\"notionalCap\":\"50000\",\"notionalFloor\":\"10000\",\"maintMarginRatio\":\"0.01\",\"cum\":\"35\"}]}]";
        LeverageBrackets eth = LeverageBrackets.parse(api.getBytes(StandardCharsets.UTF_8), "ETHUSDT", "api.json");
        assertThat(eth.brackets()).hasSize(2);
        assertThat(eth.maintenanceMargin(new BigDecimal("20000"))).isEqualByComparingTo("165"); // 200 - 35
        String wrongCum = api.replace("\"35\"", "\"30\"");
        assertThatIllegalArgumentException().isThrownBy(() -> LeverageBrackets.parse(
                        wrongCum.getBytes(StandardCharsets.UTF_8), "ETHUSDT", "api.json"))
                .withMessageContaining("api.json: ETHUSDT bracket 2: cum 30 should be 35");
        assertThatIllegalArgumentException().isThrownBy(() -> LeverageBrackets.parse(
                        api.getBytes(StandardCharsets.UTF_8), "BTCUSDT", "api.json"))
                .withMessageContaining("no \"brackets\" for symbol BTCUSDT");
    }
}
