package io.quantplug.testkit;

import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeSizingContextTest {

    private static final InstrumentId BTC_ID = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument BTC = Instrument.spot(BTC_ID, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ONE);

    private static Bar day(int day, double close) {
        return new Bar(BTC_ID, Timeframe.D1, day * Timeframe.D1.millis(), close, close, close, close, 1.0);
    }

    @Test
    void aHistoryServesBarsNewestFirstAndDropsTheOldestBeyondItsCapacity() {
        FakeBarHistory h = new FakeBarHistory(List.of(day(0, 100), day(1, 101), day(2, 102)), 3);
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.capacity()).isEqualTo(3);
        assertThat(h.get(0).close()).isEqualTo(102.0);
        assertThat(h.get(2).close()).isEqualTo(100.0);
        h.add(day(3, 103));
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.oldestFirst()).extracting(Bar::close).containsExactly(101.0, 102.0, 103.0);
        assertThatThrownBy(() -> h.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new FakeBarHistory(0).add(day(0, 1)).size()).isZero();
        assertThat(new FakeBarHistory(List.of()).capacity()).isEqualTo(1_000);
        assertThatThrownBy(() -> new FakeBarHistory(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReferencePriceIsTheNewestCloseUnlessSet() {
        FakePortfolio account = new FakePortfolio().equity("10000").cash("4000");
        FakeSizingContext ctx = new FakeSizingContext(BTC, account, List.of(day(0, 100), day(1, 104.5)));
        assertThat(ctx.referencePrice()).isEqualTo(104.5);
        assertThat(ctx.referencePrice(50).referencePrice()).isEqualTo(50.0);
        assertThat(new FakeSizingContext(BTC, account, List.of()).referencePrice()).isNaN();
        EnhancementContext view = ctx;
        assertThat(view.instrument()).isSameAs(BTC);
        assertThat(view.portfolio().cash()).isEqualTo(new BigDecimal("4000"));
        assertThat(view.history().get(1).close()).isEqualTo(100.0);
        assertThat(view.history().capacity()).isEqualTo(FakeBarHistory.DEFAULT_CAPACITY);
    }
}
