package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;

import java.util.ArrayList;
import java.util.List;

/**
 * Swing highs and lows (pivots) of a bar series, the support and resistance levels of the {@code multi-timeframe}
 * enhancer.
 *
 * <p>A bar is a pivot high when its high is strictly above the highs of the {@code k} bars before it and the
 * {@code k} bars after it; a pivot low mirrors that with lows. With {@code k = 2} this is Bill Williams' fractal
 * (<i>Trading Chaos</i>, 1995). A pivot is therefore known only {@code k} bars after it, once those bars are
 * complete, which the caller guarantees by passing completed bars only.
 */
final class PivotLevels {

    private PivotLevels() {
    }

    /**
     * The pivot highs of a series.
     *
     * @param bars completed bars, oldest first
     * @param k    bars on each side, &ge; 1
     * @return the pivot highs' prices, oldest first
     */
    static List<Double> highs(List<Bar> bars, int k) {
        List<Double> out = new ArrayList<>();
        for (int i = k; i + k < bars.size(); i++) {
            double h = bars.get(i).high();
            boolean pivot = true;
            for (int j = i - k; j <= i + k && pivot; j++) {
                pivot = j == i || bars.get(j).high() < h;
            }
            if (pivot) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * The pivot lows of a series.
     *
     * @param bars completed bars, oldest first
     * @param k    bars on each side, &ge; 1
     * @return the pivot lows' prices, oldest first
     */
    static List<Double> lows(List<Bar> bars, int k) {
        List<Double> out = new ArrayList<>();
        for (int i = k; i + k < bars.size(); i++) {
            double l = bars.get(i).low();
            boolean pivot = true;
            for (int j = i - k; j <= i + k && pivot; j++) {
                pivot = j == i || bars.get(j).low() > l;
            }
            if (pivot) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The nearest resistance: the lowest pivot high strictly above a price.
     *
     * @param pivotHighs pivot highs
     * @param price      the current price
     * @return the level, or NaN when no pivot high is above the price
     */
    static double resistance(List<Double> pivotHighs, double price) {
        double best = Double.NaN;
        for (double h : pivotHighs) {
            if (h > price && !(h >= best)) {
                best = h;
            }
        }
        return best;
    }

    /**
     * The nearest support: the highest pivot low strictly below a price.
     *
     * @param pivotLows pivot lows
     * @param price     the current price
     * @return the level, or NaN when no pivot low is below the price
     */
    static double support(List<Double> pivotLows, double price) {
        double best = Double.NaN;
        for (double l : pivotLows) {
            if (l < price && !(l <= best)) {
                best = l;
            }
        }
        return best;
    }
}
