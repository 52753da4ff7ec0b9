package io.quantplug.plugins.perpetuals;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Funding;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
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

    private static final Instrument SPOT = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
    private static final Instrument PERP = new Instrument(InstrumentId.of("BTCUSDT", "BINANCE_USDM"), "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"),
            InstrumentKind.PERPETUAL);
    private static final long T0 = 1_672_531_200_000L; // 2023-01-01T00:00Z
    private static final long H8 = 8 * 3_600_000L;

    private static Bar bar(Instrument i, double close) {
        return new Bar(i.id(), Timeframe.H1, T0, close, close, close, close, 1);
    }

    @Test
    void entersBothLegsWhenTheCarryClearsTheThresholdAndLeavesWhenTheFundingFalls() {
        FakePortfolio account = new FakePortfolio().equity("10000").cash("10000");
        FakeStrategyContext context = new FakeStrategyContext(SPOT).subscribe(PERP).portfolio(account)
                .parameters(TestParameters.of(provider, "entryApr", "8", "exitApr", "2", "costBps", "5"))
                .funding(new Funding(PERP.id(), T0 - H8, 0.0001, H8))    // 10.95 % a year
                .funding(new Funding(PERP.id(), T0, 0.0001, H8));
        Strategy s = provider.create(context);
        context.onBar(s, bar(SPOT, 20000));
        assertThat(context.submitted()).isEmpty(); // the spot bar alone decides nothing
        context.onBar(s, bar(PERP, 20010));
        // carry = 0.1095 + (0.0005 - 0.002) x 365/30 = 0.091250 >= 0.08; 0.45 x 10,000 / 20,000 = 0.225 BTC
        assertThat(context.submitted(MarketOrder.class)).extracting(o -> o.instrument(), o -> o.side(),
                o -> ((OrderSize.Base) o.size()).quantity()).containsExactly(
                tuple(SPOT.id(), Side.BUY, new BigDecimal("0.225")), tuple(PERP.id(), Side.SELL, new BigDecimal("0.225")));

        // in position, the funding drops to 0.0005 % (about 0.55 % a year, below exitApr 2 %): both legs out
        account.withPosition(SPOT.id(), "0.225").withPosition(PERP.id(), "-0.225");
        context.funding(new Funding(PERP.id(), T0 + 3_600_000L, 0.000005, H8));
        context.onBar(s, new Bar(SPOT.id(), Timeframe.H1, T0 + 3_600_000L, 20000, 20000, 20000, 20000, 1));
        context.onBar(s, new Bar(PERP.id(), Timeframe.H1, T0 + 3_600_000L, 20000, 20000, 20000, 20000, 1));
        assertThat(context.submitted(MarketOrder.class)).hasSize(4).last()
                .satisfies(o -> assertThat(o.side()).isEqualTo(Side.BUY));
        assertThat(s.restore(s.snapshot())).isTrue();
    }

    @Test
    void refusesAnythingButASpotInstrumentAndItsPerpetual() {
        FakeStrategyContext context = new FakeStrategyContext(SPOT).parameters(TestParameters.of(provider));
        assertThatThrownBy(() -> provider.create(context)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("funding-arbitrage subscribes to a spot instrument and then its perpetual,"
                        + " got [BTCUSDT.BINANCE (SPOT)]");
    }
}
