package io.quantplug.sdk.indicator;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} inputs.
 *
 * <p><b>Exact for decimal inputs.</b> Market data arrives as decimals (prices and volumes in a CSV or an exchange
 * message) parsed to the nearest {@code double}. The average keeps each input as a whole number of units of
 * 10<sup>-scale</sup> in a {@code long} (a scaled decimal), where {@code scale} is the fewest fractional digits that
 * give back every input so far (it grows when an input needs more, up to 15). The window's sum is then an exact
 * integer, and the value is one IEEE division of two exact integers: the mean of the decimals, correctly rounded
 * (IEEE 754-2019, clause 4.3; the same argument as Clinger 1990, "How to read floating point numbers accurately",
 * PLDI '90). So a window of equal prices averages to exactly that price, windows with equal decimal means give equal
 * values whatever their lengths, and a strict order between two means survives the rounding whenever they differ by
 * more than a unit in the last place (for decimal prices with {@code d} fractional digits they differ by at least
 * 10<sup>-d</sup> / (the product of the two periods)), which is what a {@link Crossing} of two averages needs to
 * decide exactly as with exact decimals.
 *
 * <p>Each update is O(1): a multiplication, a rounding and a division check the input's decimal, and a {@code long}
 * addition replaces the leaving input. Raising the scale rescales the window once, O(period).
 *
 * <p><b>Otherwise compensated.</b> When an input has no decimal with at most 15 fractional digits (a computed value
 * such as a typical price {@code (h+l+c)/3}), or the window's sum could pass 2<sup>53</sup> units, the average
 * switches for good to a compensated running sum (Neumaier's improvement of Kahan summation, Neumaier 1974,
 * "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM 54): its error does not grow with
 * the length of the series, but the result is no longer guaranteed to be the correctly rounded mean.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class Sma implements Indicator {

    private static final int MAX_SCALE = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    private static final double EXACT_INTEGERS = 0x1p53;

    private final int period;
    /** Largest magnitude of one input in units, so that {@code |sum| <= 2^53} stays exact as a double. */
    private final double maxUnits;
    private final long[] units;
    private int next;
    private long count;
    private int scale;
    private double unit = 1;
    private double divisor;
    private long sum;
    private CompensatedWindow inexact;
    private double value = Double.NaN;

    /**
     * Creates the average.
     *
     * @param period window length in inputs, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be >= 1, got " + period);
        }
        this.period = period;
        this.units = new long[period];
        this.maxUnits = Math.floor(EXACT_INTEGERS / period);
        this.divisor = period;
    }

    @Override
    public double update(double input) {
        if (!Double.isFinite(input)) {
            throw Inputs.notFinite(input);
        }
        int i = next;
        next = i + 1 == period ? 0 : i + 1;
        double mean;
        if (inexact == null) {
            double r = Math.rint(input * unit);
            if (r / unit != input || Math.abs(r) > maxUnits) {
                mean = widen(i, input);
            } else {
                long m = (long) r;
                sum += m - units[i];
                units[i] = m;
                mean = sum / divisor;
            }
        } else {
            mean = inexact.replace(i, input) / period;
        }
        value = ++count >= period ? mean : Double.NaN;
        return value;
    }

    /** The input needs more fractional digits than the scale has, or is too large: raise the scale or give up. */
    private double widen(int i, double input) {
        for (int k = scale + 1; k <= MAX_SCALE; k++) {
            double u = POWERS_OF_TEN[k];
            double r = Math.rint(input * u);
            if (r / u == input) {
                if (Math.abs(r) <= maxUnits && rescale(k)) {
                    long m = (long) r;
                    sum += m - units[i];
                    units[i] = m;
                    return sum / divisor;
                }
                break;
            }
        }
        double[] window = new double[period];
        for (int j = 0; j < period; j++) {
            window[j] = units[j] / unit;
        }
        inexact = new CompensatedWindow(window);
        return inexact.replace(i, input) / period;
    }

    /** Moves every unit to scale {@code k}, unless a unit or the divisor would leave the exact range. */
    private boolean rescale(int k) {
        double d = period * POWERS_OF_TEN[k];
        if (d > EXACT_INTEGERS) {
            return false;
        }
        long factor = (long) POWERS_OF_TEN[k - scale];
        for (long m : units) {
            if (Math.abs((double) m * factor) > maxUnits) {
                return false;
            }
        }
        for (int j = 0; j < period; j++) {
            units[j] *= factor;
        }
        sum *= factor;
        scale = k;
        unit = POWERS_OF_TEN[k];
        divisor = d;
        return true;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int warmUpPeriod() {
        return period;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public long count() {
        return count;
    }

    /**
     * The window length.
     *
     * @return the period
     */
    public int period() {
        return period;
    }

    /**
     * Whether the value is the correctly rounded mean of the window's decimals: true until an input had no decimal
     * of at most 15 fractional digits or was too large for an exact sum (see the class comment).
     *
     * @return true while the average is exact
     */
    public boolean isExact() {
        return inexact == null;
    }
}
