package io.quantplug.app;

import io.quantplug.runtime.data.ColumnFiles;
import io.quantplug.runtime.data.FileStamp;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The compact binary copy of a recording that replays read instead of its JSON: the same events with the same
 * fields ({@link MarketEvents}), written once by {@link #write} and streamed back by {@link #open}, so a replay
 * neither parses JSON nor holds the recording in memory.
 *
 * <p>Kept: trades, aggregate trades, depth diffs and snapshots; not kept: {@code bookTicker}s, which a replay does
 * not use ({@code quantplug book --verify} reads the JSON).
 *
 * <p>Layout, little-endian, through {@link ColumnFiles}: magic {@code QPTK}, format version, the recording's
 * {@link FileStamp}; then events, each a kind byte, the recorder's receive time (ns) and the recording's line, and
 * <ul>
 *   <li>trade / aggregate trade: {@code T}, {@code E}, price, quantity, buyer-is-maker byte, trade id;</li>
 *   <li>depth diff: {@code E}, {@code T}, {@code U}, {@code u}, {@code pu}, bid and ask counts, then price and
 *       quantity pairs;</li>
 *   <li>snapshot: last update id, bid and ask counts, then price and quantity pairs;</li>
 *   <li>stand-alone book (a Tardis book snapshot row): its exchange time, then as a snapshot;</li>
 *   <li>symbol: the symbol of the events after it, written when it first appears;</li>
 *   <li>book only: first, with no fields, when the source has no trades by its format
 *       ({@link MarketEvents#bookOnly()});</li>
 * </ul>
 * and an end byte: 58 bytes a trade, against about 190 of JSON.
 *
 * <p>Why not a columnar format such as Parquet or Arrow: the events are one time-ordered stream of rows of
 * several shapes (a diff has any number of levels), read front to back once per replay; a row file read through a
 * direct buffer is what that needs, and those libraries would add tens of megabytes and JVM flags to the
 * distribution for no gain in speed here (see BENCHMARKS.md, "Tick replay").
 */
final class TickFile {

    private static final int MAGIC = 0x4b545051; // "QPTK" read little-endian
    private static final int VERSION = 1;
    private static final byte END = 0;
    private static final byte TRADE = 1;
    private static final byte AGG_TRADE = 2;
    private static final byte DEPTH = 3;
    private static final byte SNAPSHOT = 4;
    private static final byte SYMBOL = 5;
    private static final byte BOOK = 6;
    private static final byte BOOK_ONLY = 7;

    private TickFile() {
    }

    /**
     * Writes the compact copy of a recording's events, atomically (a reader never sees half a file).
     *
     * @param events the recording, read to its end here (not closed)
     * @param stamp  the recording's stamp, kept in the copy's head
     * @param target the copy
     * @throws IOException when writing fails
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the recording is malformed
     */
    static void write(MarketEvents events, FileStamp stamp, Path target) throws IOException {
        ColumnFiles.writeAtomically(target, out -> {
            stamp.write(out.putInt(MAGIC).putInt(VERSION));
            String symbol = null;
            if (events.bookOnly()) {
                out.putByte(BOOK_ONLY).putLong(0).putLong(0);
            }
            while (events.next()) {
                MarketMessageKind kind = events.kind();
                if (kind != MarketMessageKind.TRADE && kind != MarketMessageKind.AGG_TRADE
                        && kind != MarketMessageKind.DEPTH_UPDATE && kind != MarketMessageKind.DEPTH_SNAPSHOT) {
                    continue; // bookTickers: a replay does not use them
                }
                String s = events.symbol();
                if (s != null && !s.equals(symbol)) {
                    out.putByte(SYMBOL).putLong(events.localTimeNanos()).putLong(events.line()).string(s);
                    symbol = s;
                }
                writeEvent(out, events);
            }
            out.putByte(END);
        });
    }

    private static void writeEvent(ColumnFiles.Writer out, MarketEvents e) throws IOException {
        MarketMessageKind kind = e.kind();
        byte code = switch (kind) {
            case TRADE -> TRADE;
            case AGG_TRADE -> AGG_TRADE;
            case DEPTH_UPDATE -> DEPTH;
            default -> e.snapshotTimeMillis() > 0 ? BOOK : SNAPSHOT;
        };
        out.putByte(code).putLong(e.localTimeNanos()).putLong(e.line());
        switch (kind) {
            case TRADE, AGG_TRADE -> out.putLong(e.tradeTimeMillis()).putLong(e.eventTimeMillis()).putDouble(e.price())
                    .putDouble(e.quantity()).putByte(e.buyerMaker() ? 1 : 0).putLong(e.tradeId());
            case DEPTH_UPDATE -> {
                DepthUpdate d = e.depthUpdate();
                out.putLong(e.eventTimeMillis()).putLong(e.tradeTimeMillis()).putLong(d.firstUpdateId())
                        .putLong(d.finalUpdateId()).putLong(d.previousFinalUpdateId()).putInt(d.bidCount())
                        .putInt(d.askCount());
                for (int i = 0; i < d.bidCount(); i++) {
                    out.putDouble(d.bidPrice(i)).putDouble(d.bidQuantity(i));
                }
                for (int i = 0; i < d.askCount(); i++) {
                    out.putDouble(d.askPrice(i)).putDouble(d.askQuantity(i));
                }
            }
            default -> {
                if (code == BOOK) {
                    out.putLong(e.snapshotTimeMillis());
                }
                DepthSnapshot s = e.snapshot();
                out.putLong(s.lastUpdateId()).putInt(s.bidCount()).putInt(s.askCount());
                for (int i = 0; i < s.bidCount(); i++) {
                    out.putDouble(s.bidPrices()[i]).putDouble(s.bidQuantities()[i]);
                }
                for (int i = 0; i < s.askCount(); i++) {
                    out.putDouble(s.askPrices()[i]).putDouble(s.askQuantities()[i]);
                }
            }
        }
    }

    /**
     * Opens a copy for reading, if it was made from this very recording.
     *
     * @param copy   the copy
     * @param stamp  the recording's stamp now
     * @param source the recording's path, for messages
     * @return the events, or null when the copy was made from other content (or another format version)
     * @throws IOException when the copy cannot be read
     */
    static MarketEvents open(Path copy, FileStamp stamp, Path source) throws IOException {
        ColumnFiles.Reader in = new ColumnFiles.Reader(copy);
        try {
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !stamp.readMatches(in)) {
                in.close();
                return null;
            }
            return new Events(in, source);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A copy's events, streamed through a direct buffer. */
    private static final class Events implements MarketEvents {
        private final ColumnFiles.Reader in;
        private final Path source;
        private final DepthUpdate depth = new DepthUpdate();
        private MarketMessageKind kind;
        private String symbol;
        private long localNanos;
        private long line;
        private long eventTime;
        private long tradeTime;
        private double price;
        private double quantity;
        private boolean buyerMaker;
        private long tradeId;
        private DepthSnapshot snapshot;
        private long snapshotTime;
        private boolean bookOnly;
        private boolean ended;

        Events(ColumnFiles.Reader in, Path source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public boolean next() {
            if (ended) {
                return false;
            }
            try {
                while (true) {
                    byte code = in.getByte();
                    if (code == END) {
                        ended = true;
                        return false;
                    }
                    localNanos = in.getLong();
                    line = in.getLong();
                    snapshotTime = 0;
                    switch (code) {
                        case SYMBOL -> symbol = in.string();
                        case BOOK_ONLY -> bookOnly = true;
                        case TRADE, AGG_TRADE -> {
                            kind = code == TRADE ? MarketMessageKind.TRADE : MarketMessageKind.AGG_TRADE;
                            tradeTime = in.getLong();
                            eventTime = in.getLong();
                            price = in.getDouble();
                            quantity = in.getDouble();
                            buyerMaker = in.getByte() != 0;
                            tradeId = in.getLong();
                            return true;
                        }
                        case DEPTH -> {
                            kind = MarketMessageKind.DEPTH_UPDATE;
                            readDepth();
                            return true;
                        }
                        case SNAPSHOT, BOOK -> {
                            kind = MarketMessageKind.DEPTH_SNAPSHOT;
                            snapshotTime = code == BOOK ? in.getLong() : 0;
                            if (code == BOOK) {
                                eventTime = snapshotTime;
                            }
                            readSnapshot();
                            return true;
                        }
                        default -> throw new IOException("unknown event code " + code);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the compact copy of " + source + " is damaged after line " + line
                        + "; delete it (quantplug keeps it in cache/ticks) to read the recording again", e);
            }
        }

        private void readDepth() throws IOException {
            eventTime = in.getLong();
            tradeTime = in.getLong();
            depth.reset();
            depth.ids(in.getLong(), in.getLong(), in.getLong());
            depth.eventTimeMillis(eventTime);
            int bids = in.getInt();
            int asks = in.getInt();
            for (int i = 0; i < bids; i++) {
                depth.addBid(in.getDouble(), in.getDouble());
            }
            for (int i = 0; i < asks; i++) {
                depth.addAsk(in.getDouble(), in.getDouble());
            }
        }

        private void readSnapshot() throws IOException {
            long lastUpdateId = in.getLong();
            int bids = in.getInt();
            int asks = in.getInt();
            double[] bp = new double[bids];
            double[] bq = new double[bids];
            double[] ap = new double[asks];
            double[] aq = new double[asks];
            for (int i = 0; i < bids; i++) {
                bp[i] = in.getDouble();
                bq[i] = in.getDouble();
            }
            for (int i = 0; i < asks; i++) {
                ap[i] = in.getDouble();
                aq[i] = in.getDouble();
            }
            snapshot = new DepthSnapshot(lastUpdateId, bp, bq, ap, aq);
        }

        @Override
        public MarketMessageKind kind() {
            return kind;
        }

        @Override
        public String symbol() {
            return kind == MarketMessageKind.DEPTH_SNAPSHOT && snapshotTime == 0 ? null : symbol;
        }

        @Override
        public long snapshotTimeMillis() {
            return snapshotTime;
        }

        @Override
        public boolean bookOnly() {
            return bookOnly;
        }

        @Override
        public long localTimeNanos() {
            return localNanos;
        }

        @Override
        public long eventTimeMillis() {
            return eventTime;
        }

        @Override
        public long tradeTimeMillis() {
            return tradeTime;
        }

        @Override
        public double price() {
            return price;
        }

        @Override
        public double quantity() {
            return quantity;
        }

        @Override
        public boolean buyerMaker() {
            return buyerMaker;
        }

        @Override
        public long tradeId() {
            return tradeId;
        }

        @Override
        public DepthUpdate depthUpdate() {
            return depth;
        }

        @Override
        public DepthSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public String where() {
            return source + ":" + line;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
