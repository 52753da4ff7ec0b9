package io.quantplug.testkit;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SwappingProviderTest {

    @Test
    void forwardsTheBookViewTheEngineDelivers() {
        List<Double> bestBids = new ArrayList<>();
        StrategyProvider build = new StrategyProvider() {
            @Override
            public ExtensionDescriptor descriptor() {
                return new ExtensionDescriptor("book-reader", "Book reader", "Notes best bids.",
                        ParameterSchema.empty());
            }

            @Override
            public Strategy create(StrategyContext context) {
                return new Strategy() {
                    @Override
                    public void onBar(Bar bar) {
                    }

                    @Override
                    public void onOrderBook(OrderBookView book) {
                        bestBids.add(book.bestBid());
                    }
                };
            }
        };
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        Instrument btc = Instrument.spot(id, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                BigDecimal.TEN);
        Strategy swapping = new SwappingProvider(build, build, 10).create(new FakeStrategyContext(btc));
        OrderBookView view = new OrderBookSnapshot(id, 0, List.of(new BookLevel(100, 1)), List.of());
        swapping.onOrderBook(view);
        assertThat(bestBids).containsExactly(100.0);
    }
}
