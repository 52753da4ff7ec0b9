package io.quantplug.testkit;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.portfolio.PositionView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakePortfolioTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");
    private static final InstrumentId SOL = InstrumentId.of("SOLUSDT", "SIM");

    @Test
    void aFreshPortfolioIsAnEmptyUsdtAccount() {
        FakePortfolio p = new FakePortfolio();
        assertThat(p.currency()).isEqualTo("USDT");
        assertThat(p.equity()).isZero();
        assertThat(p.cash()).isZero();
        assertThat(p.realizedPnl()).isZero();
        assertThat(p.totalFees()).isZero();
        assertThat(p.openPositions()).isEmpty();
        assertThat(p.position(BTC).isFlat()).isTrue();
        assertThat(p.position(BTC).instrument()).isEqualTo(BTC);
    }

    @Test
    void cashFollowsTheEquityUntilItIsSetAndKeepsTheExactDecimals() {
        FakePortfolio p = new FakePortfolio().equity("10000.10");
        assertThat(p.cash()).isEqualTo(new BigDecimal("10000.10"));   // equals: value and scale 2 kept
        p.equity("9500");
        assertThat(p.cash()).isEqualTo(new BigDecimal("9500"));
        p.cash("3000");
        p.equity("0");
        assertThat(p.cash()).isEqualTo(new BigDecimal("3000"));
        assertThat(p.equity()).isEqualTo(new BigDecimal("0"));
        assertThat(p.currency("EUR").currency()).isEqualTo("EUR");
        assertThat(p.totalFees("1.25").totalFees()).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void positionsAreWhatTheTestSetAndOnlyNonZeroOnesAreOpenInTheOrderFirstSet() {
        FakePortfolio p = new FakePortfolio()
                .withPosition(BTC, "0.5", "20000")
                .withPosition(ETH, "-2")
                .withPosition(SOL, "0");
        p.withPosition(BTC, "0.75", "21000");   // replaces BTC, keeps its place
        assertThat(p.openPositions()).extracting(PositionView::instrument).containsExactly(BTC, ETH);
        assertThat(p.position(BTC).quantity()).isEqualTo(new BigDecimal("0.75"));
        assertThat(p.position(BTC).averageEntryPrice()).isEqualTo(new BigDecimal("21000"));
        assertThat(p.position(BTC).isLong()).isTrue();
        assertThat(p.position(ETH).isShort()).isTrue();
        assertThat(p.position(ETH).averageEntryPrice()).isZero();
        assertThat(p.position(SOL).isFlat()).isTrue();
    }

    @Test
    void realisedPnlIsTheSumOfThePositionsUntilTheAccountFigureIsSet() {
        FakePortfolio p = new FakePortfolio().withPosition(BTC, "1", "100")
                .withRealizedPnl(BTC, "12.5")
                .withRealizedPnl(ETH, "-2.25");
        // 12.5 + (-2.25) = 10.25
        assertThat(p.realizedPnl()).isEqualByComparingTo("10.25");
        assertThat(p.position(BTC).quantity()).isEqualTo(new BigDecimal("1"));   // P&L set, quantity kept
        assertThat(p.position(BTC).realizedPnl()).isEqualTo(new BigDecimal("12.5"));
        assertThat(p.position(ETH).isFlat()).isTrue();
        assertThat(p.openPositions()).extracting(PositionView::instrument).containsExactly(BTC);
        assertThat(p.realizedPnl("7").realizedPnl()).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void aPositionWithEveryFigureGivenIsReadBackAsGiven() {
        FakePosition btc = FakePosition.of(BTC, "2", "100").withUnrealizedPnl(new BigDecimal("-4.5"));
        FakePortfolio p = new FakePortfolio().withPosition(btc);
        assertThat(p.position(BTC)).isEqualTo(new FakePosition(BTC, new BigDecimal("2"), new BigDecimal("100"),
                BigDecimal.ZERO, new BigDecimal("-4.5")));
        assertThatThrownBy(() -> p.equity("ten")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> new FakePosition(BTC, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("quantity");
    }
}
