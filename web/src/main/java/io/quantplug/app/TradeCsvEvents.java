package io.quantplug.app;

import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.TradeCsvReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The trades of a Tardis {@code trades} CSV ({@link TradeCsvReader}) as replay events: a trade at its exchange time,
 * received at its local time; the trade id when it is a number (Binance's), else the file's line. No book.
 */
final class TradeCsvEvents implements MarketEvents {

    private static final String HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    private final TradeCsvReader reader;
    private final Path file;
    private TradeTick trade;

    TradeCsvEvents(Path file) {
        this.reader = TradeCsvReader.open(file);
        this.file = file;
    }

    /**
     * Whether a file is a Tardis trades CSV: its first line is that header.
     *
     * @param file the file, plain or gzip
     * @return true when it is
     */
    static boolean isTradeCsv(Path file) {
        String first = firstLine(file);
        return first != null && first.strip().equals(HEADER);
    }

    /**
     * The first line of a file, plain or gzip, to tell its format by.
     *
     * @param file the file
     * @return the line, or null when the file is empty or cannot be read (the reader that opens it says why)
     */
    static String firstLine(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean next() {
        if (!reader.next()) {
            return false;
        }
        trade = reader.trade();
        return true;
    }

    @Override
    public MarketMessageKind kind() {
        return MarketMessageKind.TRADE;
    }

    @Override
    public String symbol() {
        return trade.instrument().symbol();
    }

    @Override
    public long localTimeNanos() {
        return reader.localTimeMicros() * 1_000;
    }

    @Override
    public long eventTimeMillis() {
        return trade.timeMillis();
    }

    @Override
    public long tradeTimeMillis() {
        return trade.timeMillis();
    }

    @Override
    public double price() {
        return trade.price();
    }

    @Override
    public double quantity() {
        return trade.quantity();
    }

    @Override
    public boolean buyerMaker() {
        return trade.aggressor() == Side.SELL;
    }

    @Override
    public long tradeId() {
        String id = trade.tradeId();
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9' || i >= 18) {
                return reader.line();
            }
        }
        return id.isEmpty() ? reader.line() : Long.parseLong(id);
    }

    @Override
    public DepthUpdate depthUpdate() {
        throw new IllegalStateException("a trades CSV has no depth diffs");
    }

    @Override
    public DepthSnapshot snapshot() {
        throw new IllegalStateException("a trades CSV has no book");
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
