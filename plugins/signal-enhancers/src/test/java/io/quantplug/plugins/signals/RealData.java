package io.quantplug.plugins.signals;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.testsupport.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the real Binance files of {@code ../shared/data} (see each folder's PROVENANCE.md); a test is skipped when
 * they are absent and fails on CI. A reader of its own, independent of the code under test and of the runtime's
 * importer.
 */
final class RealData {

    static final String BTC_1M_2021 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2021chunk.csv";
    static final String BTC_1M_2022 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    static final String BTC_1M_2023 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2023chunk.csv";
    static final String BTC_1H = "binance-spot-1h-2021-2023/BTCUSDT_1h.csv";
    static final String BTC_1D_CDD = "binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RealData() {
    }

    /**
     * A kline file with a header {@code timestamp|date,open,high,low,close,volume[,ticker]} and UTC times
     * {@code yyyy-MM-dd HH:mm:ss}.
     */
    static List<Bar> klines(String relative, InstrumentId id, Timeframe tf) {
        List<Bar> out = new ArrayList<>();
        List<String> lines = lines(relative);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long t = LocalDateTime.parse(f[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            out.add(new Bar(id, tf, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        return out;
    }

    /**
     * The CryptoDataDownload daily file: a banner line, a header
     * {@code Unix,Date,Symbol,Open,High,Low,Close,Volume BTC,...}, newest first, {@code Unix} in epoch ms.
     */
    static List<Bar> cddDaily(String relative, InstrumentId id) {
        List<Bar> out = new ArrayList<>();
        List<String> lines = lines(relative);
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split(",");
            out.add(new Bar(id, Timeframe.D1, Long.parseLong(f[0]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7])));
        }
        out.sort(Comparator.comparingLong(Bar::openTimeMillis));
        return out;
    }

    private static List<String> lines(String relative) {
        Path file = SharedData.require(relative);
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
