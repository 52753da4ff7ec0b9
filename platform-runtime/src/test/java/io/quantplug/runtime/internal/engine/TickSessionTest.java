package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.MarketObservation;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.T0;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.closeOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session fed trades and book updates between its bars ({@link TradingSession#onTrade}, {@code onOrderBook}). */
class TickSessionTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();

    private static TradeTick trade(long t, double price, double qty) {
        return new TradeTick(BTC, t, price, qty, Side.BUY, "t" + t);
    }

    /** A book of {@code levels} bids 100, 99, 98, ... of 1 each and one ask at 101. */
    private static OrderBookSnapshot book(long t, int levels, double bestBid) {
        List<BookLevel> bids = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            bids.add(new BookLevel(bestBid - i, 1.0));
        }
        return new OrderBookSnapshot(BTC, t, bids, List.of(new BookLevel(bestBid + 1, 2.0)));
    }

    /** Logs every callback with the clock, and buys 1 on the first trade when asked. */
    private static final class Logging implements Strategy {
        final List<String> log = new ArrayList<>();
        private final StrategyContext ctx;
        private final boolean buyOnFirstTrade;
        private boolean bought;

        Logging(StrategyContext ctx, boolean buyOnFirstTrade) {
            this.ctx = ctx;
            this.buyOnFirstTrade = buyOnFirstTrade;
        }

        @Override
        public void onBar(Bar bar) {
            log.add("bar " + bar.openTimeMillis() + " clock " + ctx.clock().millis());
        }

        @Override
        public void onTrade(TradeTick trade) {
            log.add("trade " + trade.price() + " clock " + ctx.clock().millis());
            if (buyOnFirstTrade && !bought) {
                bought = true;
                ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY, OrderSize.base(d("1"))));
            }
        }

        @Override
        public void onOrderBook(OrderBookView book) {
            log.add("book " + book.bestBid() + "/" + book.bestAsk() + " levels " + book.bidLevels() + "+"
                    + book.askLevels() + " clock " + ctx.clock().millis());
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            if (event instanceof OrderFilled f) {
                log.add("filled " + f.fill().price().toPlainString() + " at " + f.fill().timeMillis());
            }
        }
    }


    @Test
    void strategiesGetTicksInOrderWithTheClockAtEachAndTheTopLevelsOfTheBook() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        List<Logging> made = new ArrayList<>();
        s.addStrategy("log-1", "log", provider("log", ctx -> {
            Logging l = new Logging(ctx, false);
            made.add(l);
            return l;
        }), NO_PARAMETERS);
        s.start();
        s.onTrade(trade(T0 + 100, 100.5, 0.2));
        s.onOrderBook(book(T0 + 200, 25, 100));
        s.onBar(bar(0, 100.5, 100.5));
        s.onTrade(trade(closeOf(0) + 5, 101.25, 0.1));
        s.finish();

        assertThat(made.get(0).log).containsExactly(
                "trade 100.5 clock " + (T0 + 100),
                // 25 bid levels in the book, the strategy sees the top 20 (DEFAULT_BOOK_DEPTH)
                "book 100.0/101.0 levels 20+1 clock " + (T0 + 200),
                "bar " + T0 + " clock " + closeOf(0),
                "trade 101.25 clock " + (closeOf(0) + 5));
        assertThat(s.tradeCount()).isEqualTo(2);
        assertThat(s.bookUpdateCount()).isEqualTo(1);
        assertThat(s.barCount()).isEqualTo(1);
    }

    @Test
    void anOrderPlacedOnATradeInsideABarFillsAtTheNextBarsOpenNotOnTheBarItWasPlacedIn() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        List<Logging> made = new ArrayList<>();
        s.addStrategy("log-1", "log", provider("log", ctx -> {
            Logging l = new Logging(ctx, true);
            made.add(l);
            return l;
        }), NO_PARAMETERS);
        s.start();
        s.onTrade(trade(T0 + 100, 100, 1)); // buys 1 here, inside bar 0 (open 100, low 95 later)
        s.onBar(bar(0, 100, 100, 95, 99)); // the bar it was placed in: its open is before the order
        s.onBar(bar(1, 102, 103, 101, 102)); // fills at this open: 102
        s.finish(false);

        assertThat(made.get(0).log).contains("filled 102.00 at " + EngineFixtures.openOf(1));
        assertThat(made.get(0).log).noneMatch(line -> line.startsWith("filled 100"));
    }

    @Test
    void aTickOfAnotherInstrumentOrBeforeTheClockIsRefused() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.start();
        s.onTrade(trade(T0 + 100, 100, 1));
        assertThatThrownBy(() -> s.onTrade(trade(T0 + 50, 100, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock cannot go back");
        TradeTick eth = new TradeTick(io.quantplug.api.instrument.InstrumentId.of("ETHUSDT", "SIM"), T0 + 200, 10, 1,
                Side.SELL, "e1");
        assertThatThrownBy(() -> s.onTrade(eth)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session trades BTCUSDT");
    }

    @Test
    void changingLaterTicksLeavesEveryEarlierDecisionBitIdentical() {
        double[] prices = {100, 100.5, 99.75, 101, 102.5, 101.5, 100.25, 103, 104.5, 102};
        List<String> base = ticksThenDecisions(prices, -1);
        for (int k = 1; k < prices.length; k++) {
            List<String> perturbed = ticksThenDecisions(prices, k); // ticks k.. moved, as a different future
            long cut = T0 + 1_000L * k; // the time of tick k: everything before it must not change
            assertThat(before(perturbed, cut)).as("decisions before tick " + k).isEqualTo(before(base, cut));
        }
    }

    /** The strategy's and the session's logs on ticks one second apart, each with a book; from tick k on, prices move. */
    private List<String> ticksThenDecisions(double[] prices, int perturbFrom) {
        EngineFixtures.Recording r = new EngineFixtures.Recording();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), r);
        List<String> log = new ArrayList<>();
        s.addStrategy("momentum-1", "momentum", provider("momentum", ctx -> new Strategy() {
            private double previous = Double.NaN;
            private int buys;

            @Override
            public void onBar(Bar bar) {
            }

            @Override
            public void onTrade(TradeTick trade) {
                if (trade.price() > previous && buys++ < 3) {
                    log.add(trade.timeMillis() + " buy after " + previous + " -> " + trade.price());
                    ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY, OrderSize.base(d("1"))));
                }
                previous = trade.price();
            }

            @Override
            public void onOrderBook(OrderBookView book) {
                log.add(book.timeMillis() + " book mid " + book.midPrice());
            }
        }), NO_PARAMETERS);
        s.start();
        for (int i = 0; i < prices.length; i++) {
            double p = i >= perturbFrom && perturbFrom >= 0 ? prices[i] * 0.9 + 7 : prices[i];
            s.onTrade(trade(T0 + 1_000L * i, p, 1));
            s.onOrderBook(book(T0 + 1_000L * i + 500, 3, Math.floor(p)));
        }
        s.finish(false);
        log.addAll(r.log);
        return log;
    }

    private static List<String> before(List<String> log, long cut) {
        return log.stream().filter(line -> Long.parseLong(line.substring(0, line.indexOf(' '))) < cut).toList();
    }

    @Test
    void anObservationReachesTheOtherInstancesRightAfterThePublishersCallback() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        List<String> detectorSaw = new ArrayList<>();
        List<String> traderSaw = new ArrayList<>();
        s.addStrategy("detector-1", "detector", provider("detector", ctx -> new Strategy() {
            @Override
            public void onBar(Bar bar) {
            }

            @Override
            public void onTrade(TradeTick trade) {
                if (trade.quantity() >= 5) {
                    ctx.publish(new MarketObservation(MarketObservation.WHALE_TRADE, BTC, trade.aggressor(),
                            trade.price(), trade.quantity(), ctx.clock().millis()));
                }
            }

            @Override
            public void onObservation(String publisher, MarketObservation observation) {
                detectorSaw.add(publisher + " " + observation.kind());
            }
        }), NO_PARAMETERS);
        s.addStrategy("trader-1", "trader", provider("trader", ctx -> new Strategy() {
            @Override
            public void onBar(Bar bar) {
            }

            @Override
            public void onTrade(TradeTick trade) {
                traderSaw.add("trade " + trade.quantity());
            }

            @Override
            public void onObservation(String publisher, MarketObservation observation) {
                traderSaw.add(publisher + " " + observation.kind() + " " + observation.side() + " "
                        + observation.quantity() + " at " + ctx.clock().millis());
            }
        }), NO_PARAMETERS);
        s.start();
        s.onTrade(trade(T0 + 100, 100, 1));
        s.onTrade(new TradeTick(BTC, T0 + 200, 99, 7, Side.SELL, "w"));
        s.onTrade(trade(T0 + 300, 99.5, 2));
        s.finish(false);

        // the detector runs first: its observation reaches the trader before the trader's own onTrade of that trade
        assertThat(traderSaw).containsExactly("trade 1.0", "detector-1 whale-trade SELL 7.0 at " + (T0 + 200),
                "trade 7.0", "trade 2.0");
        assertThat(detectorSaw).isEmpty(); // never its own
    }
}
