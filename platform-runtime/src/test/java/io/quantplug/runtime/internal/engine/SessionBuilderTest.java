package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.internal.venue.SimulatedVenue;
import io.quantplug.runtime.internal.venue.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.T0;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionBuilderTest {

    /** The venue handed to the builder: a simulated one, with every call the session makes written down. */
    private static final class WatchedVenue implements Venue {
        final SimulatedVenue inner;
        final List<String> calls = new ArrayList<>();

        WatchedVenue(Portfolio account) {
            inner = new SimulatedVenue(Map.of(BTC, SPOT), BpsFeeModel.flat(d("10")), new BpsSlippageModel(d("0")),
                    account);
        }

        @Override
        public void connect(Listener listener) {
            calls.add("connect");
            inner.connect(listener);
        }

        @Override
        public OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner,
                                 boolean reduceOnly) {
            calls.add("submit " + order.clientOrderId().value());
            return inner.submit(order, referencePrice, timeMillis, owner, reduceOnly);
        }

        @Override
        public void closeAt(MarketOrder order, double lastPrice, long timeMillis, Object owner) {
            calls.add("closeAt " + order.clientOrderId().value() + " " + order.side() + " @" + lastPrice);
            inner.closeAt(order, lastPrice, timeMillis, owner);
        }

        @Override
        public OrderCanceled cancel(ClientOrderId id, long timeMillis) {
            calls.add("cancel " + id.value());
            return inner.cancel(id, timeMillis);
        }

        @Override
        public List<Canceled> cancelAll(long timeMillis) {
            calls.add("cancelAll");
            return inner.cancelAll(timeMillis);
        }

        @Override
        public Object ownerOf(ClientOrderId id) {
            return inner.ownerOf(id);
        }

        @Override
        public Order workingOrder(ClientOrderId id) {
            return inner.workingOrder(id);
        }

        @Override
        public List<ClientOrderId> workingIds() {
            return inner.workingIds();
        }

        @Override
        public int workingCount() {
            return inner.workingCount();
        }

        @Override
        public boolean hasWorking(InstrumentId instrument, Side side) {
            return inner.hasWorking(instrument, side);
        }

        @Override
        public BigDecimal reservedCash() {
            return inner.reservedCash();
        }

        @Override
        public void onBar(Bar bar) {
            inner.onBar(bar);
        }
    }

    @Test
    void ordersAndTheEndOfDataCloseGoThroughTheInjectedVenue() {
        Portfolio account = new Portfolio("USDT", d("1000"));
        WatchedVenue venue = new WatchedVenue(account);
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        TradingSession s = new SessionBuilder(SPOT, account, new SimulatedClock(T0), recording).venue(venue)
                .historyCapacity(10).build();
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            @Override
            public void onBar(Bar bar) {
                if (bar.openTimeMillis() == T0) {
                    ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "enter"));
                }
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 240, 240));
        s.onBar(bar(1, 250, 255));
        s.onBar(bar(2, 255, 262.5));
        s.finish();

        assertThat(venue.calls).containsExactly("connect", "submit s-1-1", "cancelAll",
                "closeAt end-of-data-1 SELL @262.5");
        // entry at 250 with fee 10 bps: floor_lot(1000 / (250 * 1.001)) = floor_lot(3.99600...) = 3.996;
        // the close sells 3.996 at 262.50, notional 1048.95, the venue's taker fee 10 bps = 1.04895
        Fill close = recording.fills().get(1);
        assertThat(close.quantity()).isEqualByComparingTo("3.996");
        assertThat(close.price()).isEqualByComparingTo("262.5");
        assertThat(close.fee()).isEqualByComparingTo("1.04895");
        assertThat(s.trades()).singleElement()
                .satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA));
        assertThat(account.position(BTC).isFlat()).isTrue();
    }

    @Test
    void refusesAVenueConnectedToAnotherSession() {
        Portfolio account = new Portfolio("USDT", d("1000"));
        WatchedVenue venue = new WatchedVenue(account);
        new SessionBuilder(SPOT, account, new SimulatedClock(T0), new EngineFixtures.Recording()).venue(venue).build();

        assertThatThrownBy(() -> new SessionBuilder(SPOT, account, new SimulatedClock(T0),
                new EngineFixtures.Recording()).venue(venue).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connected");
    }

    @Test
    void refusesAnAccountInAnotherCurrencyAndASessionWithoutVenue() {
        assertThatThrownBy(() -> new SessionBuilder(SPOT, new Portfolio("EUR", d("1000")), new SimulatedClock(T0),
                new EngineFixtures.Recording()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quoted in USDT");
        assertThatThrownBy(() -> new SessionBuilder(SPOT, new Portfolio("USDT", d("1000")), new SimulatedClock(T0),
                new EngineFixtures.Recording()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a venue");
    }
}
