package io.quantplug.app;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hand-written exchange adapter: serves bars opening every bar length from a start time, records each
 * {@link #historicalBars} range, and can fail its n-th call with an I/O error.
 */
final class StubAdapter implements ExchangeAdapter {

    final Set<ExchangeCapability> capabilities;
    final List<long[]> asked = new ArrayList<>();
    final long firstOpenMillis;
    int failOnCall = -1;
    boolean closed;

    StubAdapter(Set<ExchangeCapability> capabilities, long firstOpenMillis) {
        this.capabilities = capabilities;
        this.firstOpenMillis = firstOpenMillis;
    }

    @Override
    public Set<ExchangeCapability> capabilities() {
        return capabilities;
    }

    @Override
    public String id() {
        return "stub";
    }

    @Override
    public List<Bar> historicalBars(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        asked.add(new long[] {fromMillis, toMillis});
        if (asked.size() == failOnCall) {
            throw new UncheckedIOException("GET klines failed", new IOException("Connection reset"));
        }
        List<Bar> bars = new ArrayList<>();
        for (long t = Math.max(fromMillis, firstOpenMillis); t < toMillis; t += timeframe.millis()) {
            double p = 100 + (t - firstOpenMillis) / timeframe.millis();
            bars.add(new Bar(instrument, timeframe, t, p, p + 1, p - 1, p + 0.5, 2));
        }
        return bars;
    }

    @Override
    public void close() {
        closed = true;
    }
}
