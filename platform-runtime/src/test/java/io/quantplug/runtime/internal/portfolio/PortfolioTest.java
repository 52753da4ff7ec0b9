package io.quantplug.runtime.internal.portfolio;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.Side;
import io.quantplug.api.portfolio.PositionView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exact accounting of cash, average entry, realised and unrealised P&amp;L and equity, every figure worked out by
 * hand. Fees are taken from cash and kept apart from realised P&amp;L.
 */
class PortfolioTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final InstrumentId PERP = InstrumentId.of("BTCUSDT-PERP", "SIM");

    private int sequence;

    private Fill fill(InstrumentId instrument, Side side, String quantity, String price, String fee) {
        return new Fill(new ClientOrderId("o-" + (++sequence)), instrument, side, new BigDecimal(price),
                new BigDecimal(quantity), new BigDecimal(fee), "USDT", Liquidity.TAKER, 0L);
    }

    @Test
    void buysAndSellsMoveCashByNotionalAndFee() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("10000"));

        // buy 2 @ 100, fee 0.2: cash 10,000 - 200 - 0.2 = 9,799.8
        assertThat(p.apply(fill(BTC, Side.BUY, "2", "100", "0.2"))).isEqualByComparingTo("0");
        assertThat(p.cash()).isEqualByComparingTo("9799.8");
        assertThat(p.position(BTC).averageEntryPrice()).isEqualByComparingTo("100");

        // buy 1 @ 103, fee 0.103: cash 9,799.8 - 103.103 = 9,696.697; average (200 + 103) / 3 = 101
        p.apply(fill(BTC, Side.BUY, "1", "103", "0.103"));
        assertThat(p.cash()).isEqualByComparingTo("9696.697");
        assertThat(p.position(BTC).quantity()).isEqualByComparingTo("3");
        assertThat(p.position(BTC).averageEntryPrice()).isEqualByComparingTo("101");

        // mark at 110: unrealised 3 * 110 - 303 = 27; equity 9,696.697 + 330 = 10,026.697
        p.mark(BTC, 110.0);
        assertThat(p.position(BTC).unrealizedPnl()).isEqualByComparingTo("27");
        assertThat(p.equity()).isEqualByComparingTo("10026.697");
        assertThat(p.equityEstimate()).isEqualTo(10026.697, offset(1e-9));

        // partial close: sell 1 @ 110, fee 0.11: realised 110 - 101 = 9; cash 9,696.697 + 110 - 0.11 = 9,806.587
        assertThat(p.apply(fill(BTC, Side.SELL, "1", "110", "0.11"))).isEqualByComparingTo("9");
        assertThat(p.cash()).isEqualByComparingTo("9806.587");
        assertThat(p.position(BTC).quantity()).isEqualByComparingTo("2");
        assertThat(p.position(BTC).averageEntryPrice()).isEqualByComparingTo("101");

        // full close: sell 2 @ 95, fee 0.19: realised 190 - 202 = -12; cash 9,806.587 + 190 - 0.19 = 9,996.397
        assertThat(p.apply(fill(BTC, Side.SELL, "2", "95", "0.19"))).isEqualByComparingTo("-12");
        assertThat(p.cash()).isEqualByComparingTo("9996.397");
        assertThat(p.position(BTC).isFlat()).isTrue();
        assertThat(p.position(BTC).averageEntryPrice()).isEqualByComparingTo("0");
        assertThat(p.position(BTC).unrealizedPnl()).isEqualByComparingTo("0");

        // realised 9 - 12 = -3 before fees; fees 0.2 + 0.103 + 0.11 + 0.19 = 0.603
        assertThat(p.realizedPnl()).isEqualByComparingTo("-3");
        assertThat(p.position(BTC).realizedPnl()).isEqualByComparingTo("-3");
        assertThat(p.totalFees()).isEqualByComparingTo("0.603");
        // cash = initial + realised - fees = 10,000 - 3 - 0.603 = 9,996.397
        assertThat(p.equity()).isEqualByComparingTo("9996.397");
        assertThat(p.openPositions()).isEmpty();
    }

    @Test
    void realisedPnlIsExactOnAFullCloseEvenWhenTheAverageIsNotTerminating() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        // cost 100 + 202 = 302 for 3: average 100.666... (no finite decimal)
        p.apply(fill(BTC, Side.BUY, "1", "100", "0"));
        p.apply(fill(BTC, Side.BUY, "2", "101", "0"));
        assertThat(p.position(BTC).averageEntryPrice().doubleValue()).isEqualTo(302.0 / 3.0);

        // sell 1 @ 110 then 2 @ 110: the partial close realises 110 - 100.666... (rounded at 34 digits),
        // but the trip as a whole realises exactly 3 * 110 - 302 = 28
        BigDecimal first = p.apply(fill(BTC, Side.SELL, "1", "110", "0"));
        BigDecimal second = p.apply(fill(BTC, Side.SELL, "2", "110", "0"));
        assertThat(first.add(second)).isEqualByComparingTo("28");
        assertThat(p.realizedPnl()).isEqualByComparingTo("28");
        // cash 1000 - 302 + 330 = 1028, exactly
        assertThat(p.cash()).isEqualByComparingTo("1028");
    }

    @Test
    void fillLargerThanTheLongFlipsItShort() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        p.apply(fill(PERP, Side.BUY, "1", "100", "0.1"));
        // sell 3 @ 110: closes 1 (realised 110 - 100 = 10) and opens a short of 2 at 110
        assertThat(p.apply(fill(PERP, Side.SELL, "3", "110", "0.33"))).isEqualByComparingTo("10");
        PositionView pos = p.position(PERP);
        assertThat(pos.quantity()).isEqualByComparingTo("-2");
        assertThat(pos.isShort()).isTrue();
        assertThat(pos.averageEntryPrice()).isEqualByComparingTo("110");
        // cash 1000 - 100 - 0.1 + 330 - 0.33 = 1229.57
        assertThat(p.cash()).isEqualByComparingTo("1229.57");

        // mark at 100: unrealised of the short -2 * (100 - 110) = 20; equity 1229.57 - 2 * 100 = 1029.57
        p.mark(PERP, 100.0);
        assertThat(pos.unrealizedPnl()).isEqualByComparingTo("20");
        assertThat(p.equity()).isEqualByComparingTo("1029.57");
        // = initial 1000 + realised 10 + unrealised 20 - fees 0.43
        assertThat(new BigDecimal("1000").add(p.realizedPnl()).add(pos.unrealizedPnl()).subtract(p.totalFees()))
                .isEqualByComparingTo(p.equity());
    }

    @Test
    void shortPositionOnAPerpetualProfitsWhenThePriceFalls() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        // sell 2 @ 50, fee 0.1: cash 1000 + 100 - 0.1 = 1099.9
        p.apply(fill(PERP, Side.SELL, "2", "50", "0.1"));
        assertThat(p.cash()).isEqualByComparingTo("1099.9");
        assertThat(p.position(PERP).quantity()).isEqualByComparingTo("-2");
        assertThat(p.position(PERP).averageEntryPrice()).isEqualByComparingTo("50");

        // mark 45: unrealised -2 * 45 - (-100) = 10; equity 1099.9 - 90 = 1009.9
        p.mark(PERP, 45.0);
        assertThat(p.position(PERP).unrealizedPnl()).isEqualByComparingTo("10");
        assertThat(p.equity()).isEqualByComparingTo("1009.9");

        // buy back 1 @ 40: realised 50 - 40 = 10; buy back 1 @ 60: realised 50 - 60 = -10
        assertThat(p.apply(fill(PERP, Side.BUY, "1", "40", "0.04"))).isEqualByComparingTo("10");
        assertThat(p.position(PERP).quantity()).isEqualByComparingTo("-1");
        assertThat(p.position(PERP).averageEntryPrice()).isEqualByComparingTo("50");
        assertThat(p.apply(fill(PERP, Side.BUY, "1", "60", "0.06"))).isEqualByComparingTo("-10");
        assertThat(p.position(PERP).isFlat()).isTrue();
        // cash 1099.9 - 40.04 - 60.06 = 999.8 = 1000 + 0 realised - 0.2 fees
        assertThat(p.cash()).isEqualByComparingTo("999.8");
        assertThat(p.realizedPnl()).isEqualByComparingTo("0");
        assertThat(p.totalFees()).isEqualByComparingTo("0.2");
    }

    @Test
    void equityAddsEveryMarkedPosition() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        p.apply(fill(BTC, Side.BUY, "1", "100", "0"));
        p.apply(fill(PERP, Side.SELL, "2", "50", "0"));
        // cash 1000 - 100 + 100 = 1000; marks: 1 * 120 and -2 * 40
        p.mark(BTC, 120.0);
        p.mark(PERP, 40.0);
        // equity 1000 + 120 - 80 = 1040
        assertThat(p.equity()).isEqualByComparingTo("1040");
        assertThat(p.openPositions()).extracting(PositionView::instrument).containsExactly(BTC, PERP);
        assertThat(p.hasOpenPosition()).isTrue();
    }

    @Test
    void unmarkedOrUnknownPositionIsFlatAndWorthNothing() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        assertThat(p.position(BTC).isFlat()).isTrue();
        assertThat(p.lastPrice(BTC)).isNaN();
        assertThat(p.equity()).isEqualByComparingTo("1000");
        assertThat(p.hasOpenPosition()).isFalse();
    }

    @Test
    void feeInAnotherAssetIsRefused() {
        Portfolio p = new Portfolio("USDT", new BigDecimal("1000"));
        Fill bnbFee = new Fill(new ClientOrderId("x"), BTC, Side.BUY, BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal("0.001"), "BNB", Liquidity.TAKER, 0L);
        assertThatIllegalArgumentException().isThrownBy(() -> p.apply(bnbFee));
        assertThat(p.cash()).isEqualByComparingTo("1000");
        assertThat(p.position(BTC).isFlat()).isTrue();
    }

    @Test
    void negativeInitialCashIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Portfolio("USDT", new BigDecimal("-1")));
    }
}
