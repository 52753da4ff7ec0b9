package io.quantplug.app;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

/** The events of a recording's JSON lines, as {@link BinanceRecordingReader} decodes them. */
final class RecordedEvents implements MarketEvents {

    private final BinanceRecordingReader reader;
    private MarketStreamDecoder m;

    RecordedEvents(BinanceRecordingReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean next() {
        boolean more = reader.next();
        m = reader.message();
        return more;
    }

    @Override
    public MarketMessageKind kind() {
        return reader.kind();
    }

    @Override
    public String symbol() {
        return reader.kind() == MarketMessageKind.DEPTH_SNAPSHOT ? null : m.symbol();
    }

    @Override
    public long localTimeNanos() {
        return reader.localTimeNanos();
    }

    @Override
    public long eventTimeMillis() {
        return m.eventTimeMillis();
    }

    @Override
    public long tradeTimeMillis() {
        return m.tradeTimeMillis();
    }

    @Override
    public double price() {
        return m.price();
    }

    @Override
    public double quantity() {
        return m.quantity();
    }

    @Override
    public boolean buyerMaker() {
        return m.buyerMaker();
    }

    @Override
    public long tradeId() {
        return m.tradeId();
    }

    @Override
    public DepthUpdate depthUpdate() {
        return m.depthUpdate();
    }

    @Override
    public DepthSnapshot snapshot() {
        return reader.snapshot();
    }

    @Override
    public long line() {
        return reader.line();
    }

    @Override
    public String where() {
        return reader.file() + ":" + reader.line();
    }

    @Override
    public void close() {
        reader.close();
    }
}
