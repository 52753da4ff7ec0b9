package io.quantplug.benchmarks.command;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic bar file for the whole-command benchmarks: one-minute bars of a geometric random walk (log
 * returns normal with a standard deviation of 5 bps a minute, from 20,000), prices on a 0.01 tick, in Binance's kline
 * CSV layout ({@code timestamp,open,high,low,close,volume}), from 2015-01-01 00:00 UTC. Seeded, so every machine
 * writes the same file.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.quantplug.benchmarks.command.RandomWalkBars BARS FILE}
 */
public final class RandomWalkBars {

    private RandomWalkBars() {
    }

    /**
     * Writes the file.
     *
     * @param args the bar count and the file
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RandomWalkBars BARS FILE");
        }
        int bars = Integer.parseInt(args[0]);
        SplittableRandom random = new SplittableRandom(20_151_231L);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        LocalDateTime t = LocalDateTime.of(2015, 1, 1, 0, 0);
        long cents = 2_000_000;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.US_ASCII)) {
            out.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < bars; i++) {
                long open = cents;
                long close = Math.max(1, Math.round(open * Math.exp(gaussian(random) * 0.0005)));
                long high = Math.round(Math.max(open, close) * (1 + Math.abs(gaussian(random)) * 0.0002));
                long low = Math.max(1, Math.round(Math.min(open, close) * (1 - Math.abs(gaussian(random)) * 0.0002)));
                out.write(time.format(t));
                out.write(',' + price(open) + ',' + price(high) + ',' + price(low) + ',' + price(close) + ','
                        + String.format(Locale.ROOT, "%.4f", random.nextDouble() * 10) + '\n');
                cents = close;
                t = t.plusMinutes(1);
            }
        }
    }

    private static String price(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    /** A standard normal variate by the Box–Muller transform (Box and Muller, Ann. Math. Statist. 29, 1958). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
