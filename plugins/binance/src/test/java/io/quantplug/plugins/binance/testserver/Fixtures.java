package io.quantplug.plugins.binance.testserver;

import io.quantplug.testsupport.SharedData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The recorded Binance payloads and kline CSVs in {@code ../shared/data} the tests and the test server use. */
public final class Fixtures {

    /** nautilus_trader's spot exchangeInfo fixture (ETHBTC without filters). */
    public static final String NAUTILUS_SPOT_INFO =
            "exchange-api-fixtures/nautilus-binance-json/spot/http_json/exchange_info_response.json";
    /** nautilus_trader's spot exchangeInfo of BTCUSDT and ETHUSDT (2021 filters). */
    public static final String NAUTILUS_SPOT_INFO_BTC_ETH =
            "exchange-api-fixtures/nautilus-binance-json/http_responses/http_spot_market_exchange_info.json";
    /** nautilus_trader's USD-M exchangeInfo (BTCUSDT, ETHUSDT perpetuals, BTCUSDT_220325). */
    public static final String NAUTILUS_USDM_INFO =
            "exchange-api-fixtures/nautilus-binance-json/http_responses/http_futures_market_exchange_info.json";
    /** cryptofeed's capture of the full spot exchangeInfo, 2021-10-12 (line 1 of BINANCE.0). */
    public static final String CRYPTOFEED_SPOT = "exchange-api-fixtures/cryptofeed-raw-captures/BINANCE.0";
    /** cryptofeed's capture of spot depth answers (BINANCE.http.0.0). */
    public static final String CRYPTOFEED_SPOT_DEPTH = "exchange-api-fixtures/cryptofeed-raw-captures/BINANCE.http.0.0";
    /** Binance spot BTCUSDT 1-minute klines, 2022-06-15 03:00 .. 2022-07-19 20:19 UTC, no gaps. */
    public static final String BTC_2022 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    /** Binance spot BTCUSDT 1-minute klines, 2021, with two maintenance gaps. */
    public static final String BTC_2021 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2021chunk.csv";

    /** The folder of the raw WebSocket recordings (see its PROVENANCE.md). */
    public static final String RECORDINGS = "binance-ws-raw-2024-08-08/";

    private Fixtures() {
    }

    /**
     * Every line of the named recordings ({@code <local ns> <json>}, gzip) in order, as one stream.
     *
     * @param files file names in {@link #RECORDINGS}, e.g. {@code spot_btcusdt_20240808.gz}
     * @return the lines
     */
    public static List<String> recording(String... files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            Path p = path(RECORDINGS + f);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(p), 1 << 16), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + p, e);
            }
        }
        return out;
    }

    /**
     * A fixture file, or the test is skipped (failed on CI) when the shared data is absent.
     *
     * @param relative path below {@code ../shared/data}
     * @return the path
     */
    public static Path path(String relative) {
        return SharedData.require(relative);
    }

    /**
     * A JSON fixture's text.
     *
     * @param relative path below {@code ../shared/data}
     * @return the text
     */
    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bodies of a cryptofeed REST capture ({@code <URL> -> <ts>: <body>} per line), by URL.
     *
     * @param relative path below {@code ../shared/data}
     * @return body by URL, in file order; lines that are not captures ({@code configuration: ...}) are skipped
     */
    public static Map<String, String> cryptofeedBodies(String relative) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(path(relative));
            for (String line : lines) {
                int arrow = line.indexOf(" -> ");
                int colon = arrow < 0 ? -1 : line.indexOf(": ", arrow);
                if (arrow > 0 && colon > 0 && line.startsWith("http")) {
                    out.put(line.substring(0, arrow), line.substring(colon + 2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
