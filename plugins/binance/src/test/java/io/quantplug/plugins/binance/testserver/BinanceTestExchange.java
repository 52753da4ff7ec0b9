package io.quantplug.plugins.binance.testserver;

import io.quantplug.plugins.binance.rest.BinanceCredentials;
import io.quantplug.sdk.book.SequenceRule;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole local Binance spot exchange for tests, on loopback: the REST server ({@link BinanceTestServer}: the
 * exchangeInfo of BTCUSDT and ETHUSDT, klines, depth, the matching engine, listen keys) and the stream server
 * ({@link StreamTestServer}: klines from a shared CSV, optionally a recording's trades, depth and book tickers, and
 * the user data stream, which carries the matching engine's execution reports).
 *
 * <pre>{@code
 * try (BinanceTestExchange exchange = BinanceTestExchange.spot()
 *         .klines("BTCUSDT", Fixtures.BTC_2022, Instant.parse("2022-06-20T00:00:00Z").toEpochMilli())
 *         .barsPerSecond(20).start()) {
 *     // quantplug paper --exchange binance ... --exchange-param restUrl=<restUrl> --exchange-param streamUrl=<streamUrl>
 *     Map<String, String> params = exchange.adapterParameters();   // {restUrl=http://127.0.0.1:p1, streamUrl=ws://127.0.0.1:p2}
 *     Map<String, String> env = exchange.environment();            // QUANTPLUG_BINANCE_API_KEY / _SECRET it accepts
 * }
 * }</pre>
 * The CSV and recording paths are below {@code ../shared/data}; a test is skipped (failed when {@code CI=true}) when
 * that folder is absent.
 */
public final class BinanceTestExchange implements AutoCloseable {

    /** The API key the exchange accepts (HMAC-SHA256 with {@link #API_SECRET}). */
    public static final String API_KEY = "test-exchange-api-key-0123456789";
    /** The secret of {@link #API_KEY}. */
    public static final String API_SECRET = "test-exchange-secret-abcdefghijklmnopqrstuvwxyz";

    private final BinanceTestServer rest;
    private final StreamTestServer streams;

    private BinanceTestExchange(BinanceTestServer rest, StreamTestServer streams) {
        this.rest = rest;
        this.streams = streams;
    }

    /**
     * A spot exchange to configure, with nautilus_trader's exchangeInfo of BTCUSDT and ETHUSDT (2021 filters).
     *
     * @return the builder
     */
    public static Builder spot() {
        return new Builder();
    }

    /** Configures and starts a {@link BinanceTestExchange}. */
    public static final class Builder {
        private final List<String[]> klines = new ArrayList<>();
        private final List<Long> klineStarts = new ArrayList<>();
        private double barsPerSecond = 10;
        private boolean inProgressUpdates = true;
        private String recordingSymbol;
        private String[] recordingFiles;
        private double recordingSpeed;

        private Builder() {
        }

        /**
         * Serves a symbol's 1-minute klines from a shared CSV: on the stream ({@code <symbol>@kline_1m}) from
         * {@code fromOpenTime} on, and over REST ({@code GET /api/v3/klines}, every row), which fills gaps.
         *
         * @param symbol       e.g. {@code BTCUSDT}
         * @param csv          path below {@code ../shared/data}, e.g. {@link Fixtures#BTC_2022}
         * @param fromOpenTime open time of the first streamed kline, UTC epoch ms
         * @return this builder
         */
        public Builder klines(String symbol, String csv, long fromOpenTime) {
            klines.add(new String[] {symbol, csv});
            klineStarts.add(fromOpenTime);
            return this;
        }

        /**
         * The pace of the kline streams (default 10).
         *
         * @param value closed klines per second, &gt; 0
         * @return this builder
         */
        public Builder barsPerSecond(double value) {
            this.barsPerSecond = value;
            return this;
        }

        /**
         * Whether one in-progress update ({@code x:false}) precedes each closed kline (default true).
         *
         * @param value on or off
         * @return this builder
         */
        public Builder inProgressUpdates(boolean value) {
            this.inProgressUpdates = value;
            return this;
        }

        /**
         * Replays a spot recording's trades, diff depth and book tickers (its REST depth snapshots come from the
         * stream server's own book).
         *
         * @param symbol the recording's symbol, e.g. {@code BTCUSDT}
         * @param speed  against the recorded pace; 0 = as fast as possible
         * @param files  file names in {@link Fixtures#RECORDINGS}, e.g. {@code spot_btcusdt_20240808.gz}
         * @return this builder
         */
        public Builder recording(String symbol, double speed, String... files) {
            this.recordingSymbol = symbol;
            this.recordingSpeed = speed;
            this.recordingFiles = files.clone();
            return this;
        }

        /**
         * Starts both servers on free loopback ports.
         *
         * @return the exchange
         */
        public BinanceTestExchange start() {
            List<KlineArchive> archives = new ArrayList<>();
            for (String[] k : klines) {
                archives.add(KlineArchive.read(Fixtures.path(k[1])));
            }
            List<String> recording = recordingFiles == null ? null : Fixtures.recording(recordingFiles);
            BinanceTestServer rest = BinanceTestServer.spot(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH))
                    .acceptHmac(API_KEY, API_SECRET);
            StreamTestServer streams = recording == null ? StreamTestServer.withoutRecording()
                    : new StreamTestServer(recording, SequenceRule.SPOT, recordingSpeed);
            for (int i = 0; i < klines.size(); i++) {
                rest.klines(klines.get(i)[0], archives.get(i));
                streams.serveKlines(klines.get(i)[0], archives.get(i), klineStarts.get(i), barsPerSecond,
                        inProgressUpdates);
            }
            if (recording != null) {
                rest.depth(recordingSymbol, streams::snapshotJson);
            }
            rest.userData(streams::sendUserData);
            return new BinanceTestExchange(rest, streams);
        }
    }

    /**
     * The REST base URL, the adapter's {@code restUrl} parameter.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI restUrl() {
        return rest.url();
    }

    /**
     * The WebSocket base URL, the adapter's {@code streamUrl} parameter (market streams at {@code /stream}, user
     * data at {@code /ws/<listenKey>}).
     *
     * @return {@code ws://127.0.0.1:<port>}
     */
    public URI streamUrl() {
        return URI.create("ws://127.0.0.1:" + streams.streamUri().getPort());
    }

    /**
     * The adapter parameters that point the {@code binance} adapter here.
     *
     * @return {@code restUrl} and {@code streamUrl}
     */
    public Map<String, String> adapterParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("restUrl", restUrl().toString());
        p.put("streamUrl", streamUrl().toString());
        return p;
    }

    /**
     * The environment variables of credentials this exchange accepts.
     *
     * @return {@code QUANTPLUG_BINANCE_API_KEY} and {@code QUANTPLUG_BINANCE_API_SECRET}
     */
    public Map<String, String> environment() {
        return Map.of(BinanceCredentials.API_KEY, API_KEY, BinanceCredentials.API_SECRET, API_SECRET);
    }

    /**
     * The REST server (its matching engine: {@code rest().venue()}; fault injection; requests received).
     *
     * @return the REST server
     */
    public BinanceTestServer rest() {
        return rest;
    }

    /**
     * The stream server (dropped connections, silence, subscriptions, kline feeds).
     *
     * @return the stream server
     */
    public StreamTestServer streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close();
        rest.close();
    }
}
