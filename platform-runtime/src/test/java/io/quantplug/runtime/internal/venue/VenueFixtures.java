package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Small hand-made instruments, bars and orders for the venue tests. Prices are chosen so that every expected fill
 * can be worked out on paper.
 */
final class VenueFixtures {

    /** 2023-03-01T00:00:00Z. */
    static final long T0 = 1_677_628_800_000L;
    static final long MINUTE = 60_000L;

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    /** Tick 0.01, lot 0.001, minimum quantity 0.002, minimum notional 10. */
    static final Instrument SPOT = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.002"), new BigDecimal("10"), InstrumentKind.SPOT);

    /** The same rules on a perpetual, where a short position is allowed. */
    static final Instrument PERP = new Instrument(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.002"), new BigDecimal("10"), InstrumentKind.PERPETUAL);

    private VenueFixtures() {
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** The one-minute bar number {@code i} after {@link #T0}. */
    static Bar bar(int i, double open, double high, double low, double close) {
        return new Bar(BTC, Timeframe.M1, T0 + i * MINUTE, open, high, low, close, 1.0);
    }

    static ClientOrderId id(String text) {
        return new ClientOrderId(text);
    }

    static MarketOrder market(String id, Side side, String quantity) {
        return new MarketOrder(id(id), BTC, side, OrderSize.base(d(quantity)));
    }

    static MarketOrder marketQuote(String id, String amount) {
        return new MarketOrder(id(id), BTC, Side.BUY, OrderSize.quote(d(amount)));
    }

    static LimitOrder limit(String id, Side side, String quantity, String price, TimeInForce tif) {
        return new LimitOrder(id(id), BTC, side, d(quantity), d(price), tif);
    }

    static StopOrder stop(String id, Side side, String quantity, String price) {
        return new StopOrder(id(id), BTC, side, d(quantity), d(price), TimeInForce.GTC);
    }

    /**
     * A venue listener that books fills into the portfolio (as the session does) and records every event.
     */
    static final class Recorder implements SimulatedVenue.Listener {
        final Portfolio portfolio;
        final List<OrderEvent> events = new ArrayList<>();
        BiConsumer<OrderEvent, Order> then = (e, o) -> { };

        Recorder(Portfolio portfolio) {
            this.portfolio = portfolio;
        }

        @Override
        public void onVenueEvent(OrderEvent event, Order order, Object owner) {
            if (event instanceof OrderFilled f) {
                portfolio.apply(f.fill());
            }
            events.add(event);
            then.accept(event, order);
        }

        <T extends OrderEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** A venue on {@code instrument} with the given fee and slippage in bps, and its recorder. */
    static final class Rig {
        final Portfolio portfolio;
        final Recorder recorder;
        final SimulatedVenue venue;

        Rig(Instrument instrument, String cash, String feeBps, String slippageBps) {
            portfolio = new Portfolio("USDT", d(cash));
            recorder = new Recorder(portfolio);
            venue = new SimulatedVenue(Map.of(instrument.id(), instrument), BpsFeeModel.flat(d(feeBps)),
                    new BpsSlippageModel(d(slippageBps)), portfolio, recorder);
        }
    }
}
