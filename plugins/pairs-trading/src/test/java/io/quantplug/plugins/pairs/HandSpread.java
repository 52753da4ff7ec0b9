package io.quantplug.plugins.pairs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The outside truth of the pairs tests, sharing no code with the plugin or sdk-statistics: two Binance kline CSV
 * files read line by line, paired by their open-time text, and the Engle-Granger regression of {@code ln y} on
 * {@code ln x} over a window computed with the textbook formulas (slope = Sxy / Sxx, intercept = mean y - slope x
 * mean x, residual standard deviation with n - 1), then the entry/exit rule as the plugin documents it, bar by bar.
 */
final class HandSpread {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One fit: hedge ratio, intercept, and the newest pair's z-score. */
    record Fit(double hedgeRatio, double intercept, double z) {
    }

    /** An entry or exit of the rule, at the index of its decision bar. */
    record Decision(int index, String what, Fit fit) {
    }

    final long[] times;
    final double[] closeY;
    final double[] closeX;

    private HandSpread(long[] times, double[] closeY, double[] closeX) {
        this.times = times;
        this.closeY = closeY;
        this.closeX = closeX;
    }

    /** Pairs given directly (synthetic series): open times and both closes, the same length. */
    static HandSpread of(long[] times, double[] closeY, double[] closeX) {
        return new HandSpread(times, closeY, closeX);
    }

    /** The pairs with open times in {@code [from, to)}, UTC epoch milliseconds. */
    static HandSpread read(Path yCsv, Path xCsv, long from, long to) throws IOException {
        Map<String, Double> y = closes(yCsv);
        Map<String, Double> x = closes(xCsv);
        List<Long> t = new ArrayList<>();
        List<double[]> c = new ArrayList<>();
        for (Map.Entry<String, Double> e : y.entrySet()) {
            long millis = LocalDateTime.parse(e.getKey(), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            if (x.containsKey(e.getKey()) && millis >= from && millis < to) {
                t.add(millis);
                c.add(new double[] {e.getValue(), x.get(e.getKey())});
            }
        }
        return new HandSpread(t.stream().mapToLong(Long::longValue).toArray(),
                c.stream().mapToDouble(v -> v[0]).toArray(), c.stream().mapToDouble(v -> v[1]).toArray());
    }

    private static Map<String, Double> closes(Path csv) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0], Double.parseDouble(f[4]));
        }
        return out;
    }

    int size() {
        return times.length;
    }

    /** The log closes of y over the pairs {@code t - window + 1 .. t}, oldest first. */
    double[] logY(int t, int window) {
        return logs(closeY, t, window);
    }

    /** The log closes of x over the pairs {@code t - window + 1 .. t}, oldest first. */
    double[] logX(int t, int window) {
        return logs(closeX, t, window);
    }

    private static double[] logs(double[] closes, int t, int window) {
        double[] out = new double[window];
        for (int i = 0; i < window; i++) {
            out[i] = Math.log(closes[t - window + 1 + i]);
        }
        return out;
    }

    /** OLS of ln y on ln x over the pairs {@code t - window + 1 .. t}, and the z-score of pair {@code t}. */
    Fit fit(int t, int window) {
        double sy = 0;
        double sx = 0;
        for (int i = t - window + 1; i <= t; i++) {
            sy += Math.log(closeY[i]);
            sx += Math.log(closeX[i]);
        }
        double my = sy / window;
        double mx = sx / window;
        double sxx = 0;
        double sxy = 0;
        for (int i = t - window + 1; i <= t; i++) {
            double dx = Math.log(closeX[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(closeY[i]) - my);
        }
        double beta = sxy / sxx;
        double alpha = my - beta * mx;
        double ss = 0;
        for (int i = t - window + 1; i <= t; i++) {
            double e = Math.log(closeY[i]) - alpha - beta * Math.log(closeX[i]);
            ss += e * e;
        }
        double sd = Math.sqrt(ss / (window - 1));
        return new Fit(beta, alpha, (Math.log(closeY[t]) - alpha - beta * Math.log(closeX[t])) / sd);
    }

    /**
     * The documented rule without a gate: from the first full window, enter on the bar where z crosses beyond
     * +-entryZ (the previous bar's z inside, beta &gt; 0, |z| below a set stop), exit when z comes back within exitZ
     * (or through) or passes stopZ.
     */
    List<Decision> decisions(int window, double entryZ, double exitZ, double stopZ) {
        return decisions(window, entryZ, exitZ, stopZ, t -> true);
    }

    /** As {@link #decisions(int, double, double, double)}, an entry also needing {@code gate} at its bar index. */
    List<Decision> decisions(int window, double entryZ, double exitZ, double stopZ, IntPredicate gate) {
        List<Decision> out = new ArrayList<>();
        int held = 0;
        double previous = Double.NaN;
        for (int t = window - 1; t < size(); t++) {
            Fit f = fit(t, window);
            double z = f.z();
            if (held == 0) {
                boolean stopOk = (stopZ == 0 || Math.abs(z) < stopZ) && f.hedgeRatio() > 0;
                if (z < -entryZ && previous >= -entryZ && stopOk && gate.test(t)) {
                    held = 1;
                    out.add(new Decision(t, "entry LONG_SPREAD", f));
                } else if (z > entryZ && previous <= entryZ && stopOk && gate.test(t)) {
                    held = -1;
                    out.add(new Decision(t, "entry SHORT_SPREAD", f));
                }
            } else if (held > 0 && (z >= -exitZ || (stopZ > 0 && z < -stopZ))) {
                held = 0;
                out.add(new Decision(t, "exit", f));
            } else if (held < 0 && (z <= exitZ || (stopZ > 0 && z > stopZ))) {
                held = 0;
                out.add(new Decision(t, "exit", f));
            }
            previous = z;
        }
        return out;
    }
}
