package io.quantplug.sdk.orderflow;

import io.quantplug.api.order.Side;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The volume profile and the footprint of the 9,757 spot BTCUSDT trades recorded from Binance on 2024-08-08
 * 23:54-24:00 UTC, against an independent computation: {@code orderflow-reference.awk} beside this test (resources),
 * which recomputes each profile window and each bar from scratch with mawk, and its recorded output
 * {@code orderflow-reference.txt}. Settings in both: 5 USDT bins, a 120 s profile window, 70 % value area, 60 s bars,
 * diagonal imbalances at 3:1.
 *
 * <p>Tolerance: volumes agree within 1e-9 BTC (the Java side adds and removes trades incrementally, awk sums each
 * window afresh, so the last bits differ; the largest volume here is ~115 BTC); bins and row prices exactly.
 */
class OrderFlowRecordingTest {

    private static final String FILE = "binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz";
    private static final double BIN = 5.0;
    private static final double TOLERANCE = 1e-9;

    /** One trade of the recording: trade time T, price p, quantity q, and m (buyer is maker: the taker sold). */
    private record Trade(long timeMillis, double price, double quantity, boolean buyerIsMaker) {
    }

    @Test
    void volumeProfileMatchesTheAwkReference() throws IOException {
        List<Trade> trades = trades();
        Reference ref = Reference.load();
        assertThat(trades).hasSize(9_757);
        VolumeProfile profile = new VolumeProfile(BIN, 120_000, 0.70, 20_000, 1_000);
        int checked = 0;
        for (int i = 0; i < trades.size(); i++) {
            Trade t = trades.get(i);
            profile.update(t.timeMillis, t.price, t.quantity);
            String[] row = ref.profiles.get(i + 1);
            if (row == null) {
                continue;
            }
            assertThat(t.timeMillis).isEqualTo(Long.parseLong(row[2]));
            assertThat(profile.pointOfControl()).as("POC after trade %s", i + 1).isEqualTo(bin(row[3]) * BIN);
            assertThat(profile.valueAreaHigh()).as("VAH after trade %s", i + 1).isEqualTo(bin(row[4]) * BIN);
            assertThat(profile.valueAreaLow()).as("VAL after trade %s", i + 1).isEqualTo(bin(row[5]) * BIN);
            assertThat(profile.totalVolume()).isCloseTo(Double.parseDouble(row[6]), within(TOLERANCE));
            assertThat(profile.valueAreaVolume()).isCloseTo(Double.parseDouble(row[7]), within(TOLERANCE));
            for (String[] b : ref.profileBins.get(i + 1)) {
                assertThat(profile.volumeAt((bin(b[2]) + 0.5) * BIN)).as("bin %s after trade %s", b[2], i + 1)
                        .isCloseTo(Double.parseDouble(b[3]), within(TOLERANCE));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3);
        // figures read off the recorded reference, for people: after the last trade POC 61,685, VA 61,635..61,725
        assertThat(profile.pointOfControl()).isEqualTo(61_685.0);
        assertThat(profile.valueAreaLow()).isEqualTo(61_635.0);
        assertThat(profile.valueAreaHigh()).isEqualTo(61_725.0);
    }

    @Test
    void footprintMatchesTheAwkReference() throws IOException {
        List<Trade> trades = trades();
        Reference ref = Reference.load();
        Footprint footprint = new Footprint(BIN, 60_000, 1_000, 3, 2.0, 1);
        int checked = 0;
        for (Trade t : trades) {
            if (footprint.update(t.timeMillis, t.price, t.quantity, t.buyerIsMaker ? Side.SELL : Side.BUY)) {
                checkBar(footprint.lastCompleted(), ref);
                checked++;
            }
        }
        checkBar(footprint.current(), ref);
        checked++;
        assertThat(checked).isEqualTo(ref.bars.size()).isEqualTo(7);
        assertThat(footprint.cumulativeDelta()).isCloseTo(-18.73079, within(TOLERANCE));
    }

    private static void checkBar(FootprintBar bar, Reference ref) {
        String[] row = ref.bars.get(bar.startMillis());
        assertThat(row).as("reference bar at %s", bar.startMillis()).isNotNull();
        assertThat(bar.tradeCount()).isEqualTo(Long.parseLong(row[2]));
        assertThat(bar.bidVolume()).isCloseTo(Double.parseDouble(row[3]), within(TOLERANCE));
        assertThat(bar.askVolume()).isCloseTo(Double.parseDouble(row[4]), within(TOLERANCE));
        assertThat(bar.delta()).isCloseTo(Double.parseDouble(row[5]), within(TOLERANCE));
        assertThat(bar.cumulativeDelta()).isCloseTo(Double.parseDouble(row[6]), within(TOLERANCE));
        assertThat(bar.buyImbalanceCount(3.0)).as("3:1 buying imbalances").isEqualTo(Integer.parseInt(row[7]));
        assertThat(bar.sellImbalanceCount(3.0)).as("3:1 selling imbalances").isEqualTo(Integer.parseInt(row[8]));
        List<String[]> cells = ref.cells.get(bar.startMillis());
        assertThat(bar.lowestRow()).isEqualTo(bin(cells.get(0)[2]) * BIN);
        assertThat(bar.highestRow()).isEqualTo(bin(cells.get(cells.size() - 1)[2]) * BIN);
        for (String[] c : cells) {
            double price = (bin(c[2]) + 0.5) * BIN;
            assertThat(bar.bidVolume(price)).as("bid at bin %s of bar %s", c[2], c[1])
                    .isCloseTo(Double.parseDouble(c[3]), within(TOLERANCE));
            assertThat(bar.askVolume(price)).as("ask at bin %s of bar %s", c[2], c[1])
                    .isCloseTo(Double.parseDouble(c[4]), within(TOLERANCE));
        }
    }

    private static long bin(String text) {
        return Long.parseLong(text);
    }

    /** The trade messages of the recording, parsed with plain string search (a test-only reader). */
    private static List<Trade> trades() throws IOException {
        Path file = SharedData.require(FILE);
        List<Trade> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains("\"e\":\"trade\"")) {
                    out.add(new Trade(Long.parseLong(field(line, "T")), Double.parseDouble(field(line, "p")),
                            Double.parseDouble(field(line, "q")), Boolean.parseBoolean(field(line, "m"))));
                }
            }
        }
        return out;
    }

    private static String field(String line, String key) {
        int at = line.indexOf("\"" + key + "\":") + key.length() + 3;
        if (line.charAt(at) == '"') {
            return line.substring(at + 1, line.indexOf('"', at + 1));
        }
        int end = at;
        while (line.charAt(end) != ',' && line.charAt(end) != '}') {
            end++;
        }
        return line.substring(at, end);
    }

    /** The awk script's recorded output, by line kind. */
    private static final class Reference {
        final Map<Integer, String[]> profiles = new HashMap<>();
        final Map<Integer, List<String[]>> profileBins = new HashMap<>();
        final Map<Long, String[]> bars = new HashMap<>();
        final Map<Long, List<String[]>> cells = new HashMap<>();

        static Reference load() throws IOException {
            Reference r = new Reference();
            try (InputStream in = OrderFlowRecordingTest.class.getResourceAsStream("orderflow-reference.txt")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    String[] f = line.trim().split(" ");
                    switch (f[0]) {
                        case "profile" -> r.profiles.put(Integer.parseInt(f[1]), f);
                        case "pbin" -> r.profileBins.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
                                .add(f);
                        case "bar" -> r.bars.put(Long.parseLong(f[1]), f);
                        case "cell" -> r.cells.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(f);
                        default -> throw new IllegalStateException("unknown reference line: " + line);
                    }
                }
            }
            return r;
        }
    }
}
