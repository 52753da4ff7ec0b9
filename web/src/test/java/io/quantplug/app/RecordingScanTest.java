package io.quantplug.app;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The bars a replay makes of a recording's trades ({@link RecordingTicks#scan}, through the compact copy and from the
 * JSON) against an independent computation: {@code recording-bars-reference.py} (Python's
 * json and exact decimals) over the same file; its output is {@code recording-bars-reference.txt} beside it.
 */
class RecordingScanTest {

    private static final String SPOT_BTC = "binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz";

    @TempDir
    Path tmp;

    @Test
    void oneSecondBarsOfARealRecordingEqualAnIndependentComputation() throws IOException {
        Path file = SharedData.require(SPOT_BTC);
        assertThat(BinanceRecordingReader.isRecording(file)).isTrue();
        for (Path cache : new Path[] {tmp.resolve("ticks"), tmp.resolve("ticks"), null}) { // import, copy, JSON
            checkAgainstReference(RecordingTicks.scan(file, cache, Timeframe.parse("1s")));
        }
        assertThat(Files.list(tmp.resolve("ticks"))).hasSize(1);
    }

    private static void checkAgainstReference(RecordingTicks.Scan loaded) throws IOException {
        List<String> reference;
        try (InputStream in = RecordingScanTest.class.getResourceAsStream("recording-bars-reference.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(loaded.symbol()).isEqualTo("BTCUSDT");
        assertThat(loaded.tradeKind()).isEqualTo(MarketMessageKind.TRADE);
        assertThat(loaded.trades()).isEqualTo(9_757); // the file's trade messages (PROVENANCE.md)
        BarSeries s = loaded.series();
        assertThat(s.size()).isEqualTo(reference.size()).isEqualTo(345);
        for (int i = 0; i < s.size(); i++) {
            String[] f = reference.get(i).split(" ");
            assertThat(s.openTimeMillis(i)).as("bar %d", i).isEqualTo(Long.parseLong(f[0]));
            assertThat(new double[] {s.open(i), s.high(i), s.low(i), s.close(i)}).as("bar %d", i).containsExactly(
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
            double volume = Double.parseDouble(f[5]);
            assertThat(s.volume(i)).as("bar %d volume", i).isCloseTo(volume, within(volume * 1e-12));
        }
    }

    @Test
    void aBarFileIsNotARecordingAndATradeOutOfOrderIsNamedWithItsLine() throws IOException {
        Path csv = tmp.resolve("BTCUSDT_1m.csv");
        Files.writeString(csv, "timestamp,open,high,low,close,volume\n2023-03-01 00:00:00,1,1,1,1,1\n");
        assertThat(BinanceRecordingReader.isRecording(csv)).isFalse();

        Path rec = tmp.resolve("rec.txt");
        Files.writeString(rec, ""
                + "1723161254087896568 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"61837.63\",\"q\":\"0.02\",\"T\":1723161255342,\"m\":true,"
                + "\"M\":true}}\n"
                + "1723161254087896569 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161254343,"
                + "\"s\":\"BTCUSDT\",\"t\":2,\"p\":\"61837.64\",\"q\":\"0.01\",\"T\":1723161254342,\"m\":true,"
                + "\"M\":true}}\n");
        assertThat(BinanceRecordingReader.isRecording(rec)).isTrue();
        for (Path cache : new Path[] {null, tmp.resolve("ticks")}) {
            assertThatThrownBy(() -> RecordingTicks.scan(rec, cache, Timeframe.parse("1s")))
                    .isInstanceOf(UserInputException.class)
                    .hasMessage(rec + ":2: trade at 1723161254342 ms is before the trade before it, at 1723161255342"
                            + " ms: trades must come in time order");
        }
    }
}
