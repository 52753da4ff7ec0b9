package io.quantplug.plugins.orderflow;

import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.orderflow.ScalperBench.BTCUSDT;
import static io.quantplug.plugins.orderflow.ScalperBench.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order-flow-detector} publishes whale trades, whale orders and spoofs to the other instances, and a scalper
 * takes a published whale sell as its own. Whales are 5x the median of the last 10 sizes; the figures are worked by hand.
 */
class FlowDetectorTest {

    private final FakeStrategyContext context = new FakeStrategyContext(BTCUSDT).instanceId("order-flow-detector-1")
            .parameters(TestParameters.of(new FlowDetectorProvider(), Map.of("whaleTrades", 10, "whaleLevels", 10,
                    "whaleMultiple", 5, "bookDepth", 2, "spoofMultiple", 5, "spoofSeconds", 5)))
            .at(T0);
    private final FlowDetector detector = (FlowDetector) new FlowDetectorProvider().create(context);

    private void trade(long at, double price, double quantity, Side aggressor) {
        context.at(T0 + at);
        detector.onTrade(new TradeTick(BTCUSDT.id(), T0 + at, price, quantity, aggressor, "t" + at));
    }

    private void book(long at, double bid0, double bid1, double ask0, double ask1) {
        context.at(T0 + at);
        detector.onOrderBook((OrderBookView) new OrderBookSnapshot(BTCUSDT.id(), T0 + at,
                List.of(new BookLevel(101.0, bid0), new BookLevel(100.9, bid1)),
                List.of(new BookLevel(101.2, ask0), new BookLevel(101.3, ask1))));
    }

    @Test
    void publishesAWhaleTradeOnceTheMedianIsKnown() {
        for (int i = 0; i < 10; i++) {
            trade(i * 100, 101.1, 1.0, Side.BUY); // ten trades of 1: median 1
        }
        trade(1_000, 101.0, 4.9, Side.SELL); // 4.9 < 5 x 1: not a whale
        trade(1_100, 101.0, 6.0, Side.SELL); // 6 >= 5 x 1 (the median is still 1): a whale sell
        assertThat(context.published()).singleElement().isEqualTo(new MarketObservation(
                MarketObservation.WHALE_TRADE, BTCUSDT.id(), Side.SELL, 101.0, 6.0, T0 + 1_100));
    }

    @Test
    void publishesAWhaleOrderWhenItAppearsNotWhileItRests() {
        for (int i = 0; i < 3; i++) {
            book(i * 100, 1, 1, 1, 1); // 12 level sizes of 1 recorded: median 1
        }
        book(300, 1, 1, 1, 8);   // the ask at 101.3 holds 8 >= 5 x 1: a whale offer
        book(400, 1, 1, 1, 8.5); // the same price still: not again
        book(500, 1, 1, 9, 1);   // now at 101.2: again; and the 8.5 at 101.3 fell to 1 within 5 s with no trade
        // there: 7.5 of its 8.5 peak (88 % >= 80 %) canceled, a spoof on the ask; its size is the large-level
        // threshold, 5 x the median level size of 1
        assertThat(context.published()).extracting(o -> o.kind() + " " + o.side() + " " + o.price() + " "
                + o.quantity()).containsExactly("whale-order SELL 101.3 8.0", "whale-order SELL 101.2 9.0",
                "spoof SELL 101.3 5.0");
    }

    @Test
    void aScalperTakesAPublishedWhaleSellAsItsOwn() {
        ScalperBench bench = new ScalperBench();
        bench.scalper.onObservation("order-flow-detector-1", new MarketObservation(MarketObservation.WHALE_TRADE,
                BTCUSDT.id(), Side.SELL, 101.0, 6.0, T0));
        // the bench's scalper keeps 30 s of quiet after a whale sell: its snapshot carries the time
        assertThat(bench.scalper.snapshot().values()).containsEntry("lastWhaleSellMillis", Long.toString(T0));
    }
}
