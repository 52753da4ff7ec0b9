package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Drives one {@code pairs-trading} instance bar by bar outside the engine: both instruments' bars of each paired
 * time (open = high = low = close), the clock at the bar's close, and every order it submits filled in full at that
 * close right after the bar, as a fill the strategy hears through {@link Strategy#onOrderEvent}. Equity is fixed.
 */
final class PairHarness {

    static final long HOUR = 3_600_000L;

    final RecordingContext context;
    final FakeStrategyContext base;
    final Instrument y;
    final Instrument x;
    Strategy strategy;
    private int filled;

    PairHarness(Instrument y, Instrument x, Map<String, ?> parameters, String equity) {
        this.y = y;
        this.x = x;
        PairsTradingProvider provider = new PairsTradingProvider();
        this.base = new FakeStrategyContext(y).parameters(TestParameters.of(provider, parameters))
                .portfolio(new FakePortfolio().equity(equity));
        this.context = new RecordingContext(base, List.of(y, x), false);
        this.strategy = provider.create(context);
    }

    /** Feeds the pairs {@code from .. to - 1} of the series. */
    void feed(HandSpread pairs, int from, int to) {
        for (int t = from; t < to; t++) {
            long open = pairs.times[t];
            base.at(open + HOUR);
            strategy.onBar(bar(y.id(), open, pairs.closeY[t]));
            strategy.onBar(bar(x.id(), open, pairs.closeX[t]));
            List<RecordingContext.Submitted> orders = context.orders();
            for (; filled < orders.size(); filled++) {
                MarketOrder o = (MarketOrder) orders.get(filled).order();
                double close = o.instrument().equals(y.id()) ? pairs.closeY[t] : pairs.closeX[t];
                BigDecimal quantity = ((OrderSize.Base) o.size()).quantity();
                strategy.onOrderEvent(new OrderFilled(new Fill(o.clientOrderId(), o.instrument(), o.side(),
                        BigDecimal.valueOf(close), quantity, BigDecimal.ZERO, "USDT", Liquidity.TAKER,
                        open + HOUR), BigDecimal.ZERO));
            }
        }
    }

    private static Bar bar(InstrumentId id, long open, double close) {
        return new Bar(id, Timeframe.H1, open, close, close, close, close, 1);
    }
}
