package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.testkit.FakeBarHistory;
import io.quantplug.testkit.FakePortfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The kelly-inventory weights against a hand computation on two instruments: means, sample covariance, the
 * shrunk 2x2 system inverted in closed form, fractional Kelly, then the Herfindahl cap.
 */
class KellyInventorySizerTest {

    private static final int L = 20;
    private static final Instrument A = Instrument.spot(InstrumentId.of("AAAUSDT", "BINANCE"), "AAA", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ONE);
    private static final Instrument B = Instrument.spot(InstrumentId.of("BBBUSDT", "BINANCE"), "BBB", "USDT",
            new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ONE);

    /** Returns with a drift and some co-movement: A 0.2 % + 1 % sin, B 0.1 % + 0.6 % sin + 0.8 % cos. */
    private static double[] returnsA() {
        double[] r = new double[L];
        for (int k = 0; k < L; k++) {
            r[k] = 0.002 + 0.01 * Math.sin(k);
        }
        return r;
    }

    private static double[] returnsB() {
        double[] r = new double[L];
        for (int k = 0; k < L; k++) {
            r[k] = 0.001 + 0.006 * Math.sin(k) + 0.008 * Math.cos(3 * k);
        }
        return r;
    }

    /** The full formula by hand: w = c Σ'^-1 μ with the off-diagonal shrunk by (1 - s). */
    private static double[] byHand(double c, double s) {
        double[] a = returnsA();
        double[] b = returnsB();
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < L; k++) {
            ma += a[k] / L;
            mb += b[k] / L;
        }
        double vaa = 0;
        double vbb = 0;
        double vab = 0;
        for (int k = 0; k < L; k++) {
            vaa += (a[k] - ma) * (a[k] - ma) / (L - 1);
            vbb += (b[k] - mb) * (b[k] - mb) / (L - 1);
            vab += (a[k] - ma) * (b[k] - mb) / (L - 1);
        }
        double off = (1 - s) * vab;
        double det = vaa * vbb - off * off;
        double fa = (vbb * ma - off * mb) / det;
        double fb = (-off * ma + vaa * mb) / det;
        return new double[] {Math.max(0, c * fa), Math.max(0, c * fb)};
    }

    @Test
    void weightsAreTheShrunkMultiAssetKellyFractions() {
        KellyInventorySizer sizer = new KellyInventorySizer(L, 0.5, 0.5, 1, 1000);
        double[] w = sizer.weights(List.of(returnsA(), returnsB()));
        double[] expected = byHand(0.5, 0.5);
        assertThat(w[0]).isCloseTo(expected[0], within(1e-9 * Math.abs(expected[0])));
        assertThat(w[1]).isCloseTo(expected[1], within(1e-9 * Math.abs(expected[1]) + 1e-12));
        // the shrinkage matters: without it the weights differ
        double[] unshrunk = byHand(0.5, 0);
        assertThat(Math.abs(unshrunk[0] - expected[0])).isGreaterThan(1e-6);
    }

    @Test
    void grossAndConcentrationAreCapped() {
        double[] raw = byHand(0.5, 0.5);
        double gross = raw[0] + raw[1];
        // a sum cap of 1 scales both weights by 1 / gross when above it
        KellyInventorySizer capped = new KellyInventorySizer(L, 0.5, 0.5, 1, 1);
        double[] w = capped.weights(List.of(returnsA(), returnsB()));
        double scale = Math.min(1, 1 / gross);
        assertThat(w[0]).isCloseTo(raw[0] * scale, within(1e-9 * raw[0]));
        // the Herfindahl cap at its floor for two instruments (0.5) means equal weights, the sum kept
        KellyInventorySizer spread = new KellyInventorySizer(L, 0.5, 0.5, 0.5, 1000);
        double[] e = spread.weights(List.of(returnsA(), returnsB()));
        if (raw[0] > 0 && raw[1] > 0) {
            assertThat(e[0]).isCloseTo(gross / 2, within(1e-9 * gross));
            assertThat(e[1]).isCloseTo(gross / 2, within(1e-9 * gross));
        }
        // a cap of 0.6: sum(w^2) / sum(w)^2 is brought to exactly 0.6 when the raw weights are more concentrated
        KellyInventorySizer sixty = new KellyInventorySizer(L, 0.5, 0.5, 0.6, 1000);
        double[] s = sixty.weights(List.of(returnsA(), returnsB()));
        double h = (raw[0] * raw[0] + raw[1] * raw[1]) / (gross * gross);
        double hs = (s[0] * s[0] + s[1] * s[1]) / ((s[0] + s[1]) * (s[0] + s[1]));
        assertThat(hs).isCloseTo(Math.min(h, 0.6), within(1e-12));
        assertThat(s[0] + s[1]).isCloseTo(gross, within(1e-12 * gross));
    }

    @Test
    void aLongIsSizedToItsWeightOfEquity() {
        double[] w = byHand(0.5, 0.5);
        FakeBarHistory ha = history(A, returnsA());
        FakeBarHistory hb = history(B, returnsB());
        FakePortfolio account = new FakePortfolio().equity("10000").cash("10000");
        SizingContext context = new TwoInstruments(A, ha, B, hb, account);
        KellyInventorySizer sizer = new KellyInventorySizer(L, 0.5, 0.5, 1, 1000);
        BigDecimal qty = sizer.size(Signal.of(A.id(), SignalDirection.LONG, 0, "in"), context);
        double price = ha.get(0).close();
        assertThat(qty).isEqualByComparingTo(A.roundQuantityDown(new BigDecimal(w[0] * 10000 / price,
                java.math.MathContext.DECIMAL64)));
        assertThat(sizer.size(Signal.of(A.id(), SignalDirection.SHORT, 0, "out"), context)).isZero();
    }

    @Test
    void anOpenLongThatDriftedBeyondTheBandIsTradedBackToItsWeight() {
        double[] w = byHand(0.5, 0.5);
        FakeBarHistory ha = history(A, returnsA());
        FakeBarHistory hb = history(B, returnsB());
        double price = ha.get(0).close();
        double target = w[0] * 10000 / price;
        KellyInventorySizer sizer = new KellyInventorySizer(L, 0.5, 0.5, 1, 1000, 0.05);
        // twice the target held: sell the excess when it is worth more than 5 % of equity
        String held = new BigDecimal(2 * target, java.math.MathContext.DECIMAL64).setScale(3,
                java.math.RoundingMode.DOWN).toPlainString();
        FakePortfolio over = new FakePortfolio().equity("10000").cash("5000").withPosition(A.id(), held);
        BigDecimal sell = sizer.rebalance(new TwoInstruments(A, ha, B, hb, over));
        double expected = (w[0] * 10000 - Double.parseDouble(held) * price) / price;
        assertThat(Math.abs(expected * price)).isGreaterThan(500); // beyond the 5 % band
        assertThat(sell.doubleValue()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        // within the band, or flat: nothing
        String near = new BigDecimal(target, java.math.MathContext.DECIMAL64).setScale(3,
                java.math.RoundingMode.DOWN).toPlainString();
        assertThat(sizer.rebalance(new TwoInstruments(A, ha, B, hb,
                new FakePortfolio().equity("10000").withPosition(A.id(), near)))).isNull();
        assertThat(sizer.rebalance(new TwoInstruments(A, ha, B, hb, new FakePortfolio().equity("10000")))).isNull();
    }

    /** Closes from 100 following the returns: close_k = close_(k-1) * exp(r_k). */
    private static FakeBarHistory history(Instrument i, double[] r) {
        FakeBarHistory h = new FakeBarHistory(FakeBarHistory.DEFAULT_CAPACITY);
        double close = 100;
        h.add(new Bar(i.id(), Timeframe.H1, 0, close, close, close, close, 1));
        for (int k = 0; k < r.length; k++) {
            close *= Math.exp(r[k]);
            h.add(new Bar(i.id(), Timeframe.H1, (k + 1) * 3_600_000L, close, close, close, close, 1));
        }
        return h;
    }

    /** A sizing context of an account trading two instruments, the signal's first. */
    private record TwoInstruments(Instrument first, BarHistory firstBars, Instrument second, BarHistory secondBars,
                                  PortfolioView portfolio) implements SizingContext {
        @Override
        public double referencePrice() {
            return firstBars.get(0).close();
        }

        @Override
        public Instrument instrument() {
            return first;
        }

        @Override
        public BarHistory history() {
            return firstBars;
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(first, second);
        }

        @Override
        public BarHistory history(InstrumentId id) {
            return id.equals(first.id()) ? firstBars : secondBars;
        }
    }
}
