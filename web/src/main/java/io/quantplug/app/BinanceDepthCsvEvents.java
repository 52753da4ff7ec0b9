package io.quantplug.app;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.BinanceDepthCsvReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.nio.file.Path;

/**
 * The events of a Binance depth CSV ({@link BinanceDepthCsvReader}) for replay: depth snapshots and diffs, the
 * diffs continuing a snapshot by Binance's rules as in a recording. The file has no receive times: the exchange
 * timestamp stands for it. No trades ({@link #bookOnly()}).
 */
final class BinanceDepthCsvEvents implements BookEvents {

    private static final String HEADER = "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu";

    private final BinanceDepthCsvReader reader;
    private final Path file;

    BinanceDepthCsvEvents(Path file) {
        this.reader = BinanceDepthCsvReader.open(file);
        this.file = file;
    }

    /**
     * Whether a file is a Binance depth CSV: its first line is that header.
     *
     * @param file the file, plain or gzip
     * @return true when it is
     */
    static boolean isDepthCsv(Path file) {
        String first = TradeCsvEvents.firstLine(file);
        return first != null && first.strip().equals(HEADER);
    }

    @Override
    public boolean next() {
        return reader.next();
    }

    @Override
    public MarketMessageKind kind() {
        return reader.kind();
    }

    @Override
    public String symbol() {
        return reader.symbol();
    }

    @Override
    public long localTimeNanos() {
        return reader.timeMillis() * 1_000_000;
    }

    @Override
    public long eventTimeMillis() {
        return reader.timeMillis();
    }

    @Override
    public long tradeTimeMillis() {
        return reader.timeMillis();
    }

    @Override
    public DepthUpdate depthUpdate() {
        return reader.update();
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
        return file + ":" + reader.line();
    }

    @Override
    public void close() {
        reader.close();
    }
}
