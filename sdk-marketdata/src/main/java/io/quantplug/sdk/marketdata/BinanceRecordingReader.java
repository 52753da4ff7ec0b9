package io.quantplug.sdk.marketdata;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MalformedStreamMessageException;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;

import java.nio.file.Path;
import java.util.List;

/**
 * Streams a recording of Binance market streams, one event at a time: the line format of hftbacktest's collector
 * (the shared {@code binance-ws-raw-2024-08-08} recordings), {@code <local receive time, epoch ns> <raw JSON>} per
 * line, where the JSON is a combined-stream message ({@code trade}, {@code aggTrade}, {@code depthUpdate},
 * {@code bookTicker}; spot, USD&#9416;-M or COIN-M) or the bare body of a REST depth snapshot. Files may be plain
 * or gzip; several files are read in order as one recording (a day file and the next one's continuation).
 *
 * <p>Decoding is the binance plugin's own ({@link MarketStreamDecoder}, {@link DepthSnapshotDecoder}); after
 * {@link #next()} the event's fields are read from {@link #message()} (or {@link #snapshot()}), which the next call
 * overwrites. Memory does not grow with the file: one line and one decoded message are held at a time.
 *
 * <p>Refused with a {@link MarketDataFileException} naming file, line and reason: a line without the time and a
 * space, a time that is not a non-negative integer or goes back, JSON that does not parse or has a field of the
 * wrong type, a trade without a positive price, quantity and trade time or without an id, a depth update without
 * its update ids ({@code 0 < U <= u}) or with a level whose price is not positive or whose quantity is negative, a
 * bookTicker without its update id or with a non-positive price or negative quantity, a snapshot without
 * {@code lastUpdateId}. Messages of other kinds (a subscription answer, a kline) are passed over and counted in
 * {@link #ignored()}.
 *
 * <pre>{@code
 * try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(day1, day2), new JsonFactory())) {
 *     while (r.next()) {
 *         if (r.kind() == MarketMessageKind.TRADE) {
 *             double price = r.message().price();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe: one thread reads.
 */
public final class BinanceRecordingReader implements AutoCloseable {

    private final DataLines lines;
    private final MarketStreamDecoder decoder;
    private final DepthSnapshotDecoder snapshots;
    private MarketMessageKind kind;
    private DepthSnapshot snapshot;
    private long localTimeNanos = -1;
    private long ignored;

    private BinanceRecordingReader(List<Path> files, JsonFactory json) {
        this.lines = new DataLines(files);
        this.decoder = new MarketStreamDecoder(json);
        this.snapshots = new DepthSnapshotDecoder(json);
    }

    private static final java.util.regex.Pattern FIRST_LINE = java.util.regex.Pattern.compile("\\d{1,19} \\{");

    /**
     * Whether a file looks like a stream recording: its first line starts with a local time (nanoseconds), a space
     * and a JSON object. A file that cannot be read, or a CSV, does not.
     *
     * @param file the file, plain or gzip
     * @return true for a recording
     */
    public static boolean isRecording(Path file) {
        try (DataLines lines = new DataLines(List.of(file))) {
            String first = lines.next();
            return first != null && FIRST_LINE.matcher(first).lookingAt();
        } catch (MarketDataFileException e) {
            return false;
        }
    }

    /**
     * Opens a recording; nothing is read until {@link #next()}.
     *
     * @param files the recording's files in order, at least one, plain or gzip
     * @param json  Jackson's factory (thread-safe, may be shared), not null
     * @return the reader, to be closed
     * @throws IllegalArgumentException if {@code files} is empty
     */
    public static BinanceRecordingReader open(List<Path> files, JsonFactory json) {
        return new BinanceRecordingReader(files, java.util.Objects.requireNonNull(json, "json"));
    }

    /**
     * Advances to the next trade, aggregate trade, depth update, bookTicker or depth snapshot.
     *
     * @return false after the last event of the last file
     * @throws MarketDataFileException if a line is malformed or a file cannot be read
     */
    public boolean next() {
        String text;
        while ((text = lines.next()) != null) {
            int space = text.indexOf(' ');
            if (space <= 0) {
                throw lines.refuse("expected '<local receive time ns> <JSON message>', got '" + clip(text) + "'");
            }
            long time = localTime(text, space);
            if (time < localTimeNanos) {
                throw lines.refuse("local receive time goes back: " + time + " after " + localTimeNanos);
            }
            localTimeNanos = time;
            String json = text.substring(space + 1);
            kind = decode(json);
            if (kind == MarketMessageKind.KLINE || kind == MarketMessageKind.OTHER) {
                ignored++;
                continue;
            }
            check();
            return true;
        }
        return false;
    }

    private long localTime(String text, int end) {
        long t = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || t > (Long.MAX_VALUE - 9) / 10) {
                throw lines.refuse("local receive time is not a non-negative integer of nanoseconds: '"
                        + clip(text.substring(0, end)) + "'");
            }
            t = t * 10 + (c - '0');
        }
        return t;
    }

    private MarketMessageKind decode(String json) {
        try {
            if (json.startsWith("{\"lastUpdateId\"")) {
                snapshot = snapshots.decode(json);
                return MarketMessageKind.DEPTH_SNAPSHOT;
            }
            snapshot = null;
            return decoder.decode(json);
        } catch (MalformedStreamMessageException | IllegalArgumentException e) {
            throw lines.refuse(e.getMessage());
        }
    }

    private void check() {
        MarketStreamDecoder m = decoder;
        switch (kind) {
            case TRADE, AGG_TRADE -> {
                require(m.symbol() != null, "trade without symbol 's'");
                require(m.tradeId() >= 0, "trade without id ('t', or 'a' of an aggTrade)");
                require(m.price() > 0 && Double.isFinite(m.price()), "trade price 'p' must be > 0, got " + m.price());
                require(m.quantity() > 0 && Double.isFinite(m.quantity()),
                        "trade quantity 'q' must be > 0, got " + m.quantity());
                require(m.tradeTimeMillis() > 0, "trade without trade time 'T'");
            }
            case DEPTH_UPDATE -> {
                DepthUpdate d = m.depthUpdate();
                require(m.symbol() != null, "depthUpdate without symbol 's'");
                require(d.firstUpdateId() > 0 && d.finalUpdateId() >= d.firstUpdateId(),
                        "depthUpdate update ids must satisfy 0 < U <= u, got U=" + d.firstUpdateId() + " u="
                                + d.finalUpdateId());
                for (int i = 0; i < d.bidCount(); i++) {
                    level("bid", d.bidPrice(i), d.bidQuantity(i));
                }
                for (int i = 0; i < d.askCount(); i++) {
                    level("ask", d.askPrice(i), d.askQuantity(i));
                }
            }
            case BOOK_TICKER -> {
                require(m.updateId() > 0, "bookTicker without update id 'u'");
                level("best bid", m.bestBidPrice(), m.bestBidQuantity());
                level("best ask", m.bestAskPrice(), m.bestAskQuantity());
            }
            default -> {
                for (int i = 0; i < snapshot.bidCount(); i++) {
                    level("snapshot bid", snapshot.bidPrices()[i], snapshot.bidQuantities()[i]);
                }
                for (int i = 0; i < snapshot.askCount(); i++) {
                    level("snapshot ask", snapshot.askPrices()[i], snapshot.askQuantities()[i]);
                }
            }
        }
    }

    private void level(String what, double price, double quantity) {
        require(price > 0 && Double.isFinite(price), what + " price must be > 0, got " + price);
        require(quantity >= 0 && Double.isFinite(quantity), what + " quantity must be >= 0, got " + quantity);
    }

    private void require(boolean ok, String reason) {
        if (!ok) {
            throw lines.refuse(reason);
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /**
     * What the current event is.
     *
     * @return {@code TRADE}, {@code AGG_TRADE}, {@code DEPTH_UPDATE}, {@code BOOK_TICKER} or {@code DEPTH_SNAPSHOT};
     *         null before the first {@link #next()}
     */
    public MarketMessageKind kind() {
        return kind;
    }

    /**
     * The decoded stream message of the current event (not a snapshot): symbol, times, trade fields, the depth
     * update's levels and ids, the bookTicker's best levels. Overwritten by the next {@link #next()}.
     *
     * @return the decoder holding the message
     */
    public MarketStreamDecoder message() {
        return decoder;
    }

    /**
     * The current event's depth snapshot.
     *
     * @return the snapshot when {@link #kind()} is {@code DEPTH_SNAPSHOT}, else null
     */
    public DepthSnapshot snapshot() {
        return snapshot;
    }

    /**
     * When the recorder received the current event.
     *
     * @return the recorder's clock, UTC epoch nanoseconds
     */
    public long localTimeNanos() {
        return localTimeNanos;
    }

    /**
     * The file of the current event.
     *
     * @return the path as given
     */
    public Path file() {
        return lines.file();
    }

    /**
     * The line of the current event.
     *
     * @return the 1-based line number within {@link #file()}
     */
    public long line() {
        return lines.line();
    }

    /**
     * Lines passed over so far because their message is of another kind (subscription answers, klines).
     *
     * @return the count
     */
    public long ignored() {
        return ignored;
    }

    /**
     * Closes the file being read.
     *
     * @throws MarketDataFileException if closing fails
     */
    @Override
    public void close() {
        lines.close();
    }
}
