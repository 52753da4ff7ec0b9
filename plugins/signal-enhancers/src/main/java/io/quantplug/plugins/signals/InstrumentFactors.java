package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.sdk.indicator.AverageTrueRange;
import io.quantplug.sdk.indicator.Ema;
import io.quantplug.sdk.indicator.Rsi;
import io.quantplug.sdk.indicator.Sma;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of one instrument's bars and the six factor scores they give a signal; see {@link FactorFormulas}.
 * EMAs, RSI and averages are the SDK's streaming indicators; the ATR and the look-back statistics are this plugin's.
 * Everything is updated on the bar's completion, so a score uses only completed bars. Not thread-safe: the engine
 * thread.
 */
final class InstrumentFactors {

    private final FactorSettings settings;
    private final Ema emaFast;
    private final Ema emaSlow;
    private final Rsi rsi;
    private final Sma volumeAverage;
    private final Sma closeAverage;
    private final AverageTrueRange atr;
    private final BarWindow window;
    private double volumeAverageBefore = Double.NaN;
    private long bars;

    /**
     * Creates the indicators of one instrument.
     *
     * @param settings the instance's parameters
     */
    InstrumentFactors(FactorSettings settings) {
        this.settings = settings;
        this.emaFast = new Ema(settings.emaFast());
        this.emaSlow = new Ema(settings.emaSlow());
        this.rsi = new Rsi(settings.rsiPeriod());
        this.volumeAverage = new Sma(settings.volumeBars());
        this.closeAverage = new Sma(settings.rangeBars());
        this.atr = new AverageTrueRange(settings.atrPeriod());
        this.window = new BarWindow(settings.keptBars());
    }

    /**
     * Updates the indicators with the next completed bar.
     *
     * @param bar the bar, after the previous one
     */
    void onBar(Bar bar) {
        volumeAverageBefore = volumeAverage.value();
        volumeAverage.update(bar.volume());
        double c = bar.close();
        emaFast.update(c);
        emaSlow.update(c);
        rsi.update(c);
        closeAverage.update(c);
        atr.update(bar);
        window.add(bar);
        bars++;
    }

    /**
     * Whether every factor can be computed: {@link FactorSettings#requiredBars()} bars seen.
     *
     * @return true once warmed up
     */
    boolean ready() {
        return window.added() >= settings.requiredBars();
    }

    /**
     * Bars seen so far, including those seen by the instance this one was restored from.
     *
     * @return the count
     */
    long bars() {
        return bars;
    }

    /**
     * After a restore has replayed the kept bars: sets the count of bars seen to the previous instance's.
     *
     * @param total the previous instance's {@link #bars()}, &ge; the bars replayed
     */
    void restoreBarCount(long total) {
        bars = Math.max(bars, total);
    }

    /**
     * The six factors and the composite for a trade in a direction at the latest bar's close.
     *
     * @param d +1 long, -1 short
     * @return the scores, or null before {@link #ready()}
     */
    FactorScores score(int d) {
        if (!ready()) {
            return null;
        }
        Bar last = window.get(0);
        double c = last.close();
        double a = atr.value();
        double atrPercent = 100 * a / c;
        Map<Factor, Double> f = new EnumMap<>(Factor.class);
        f.put(Factor.TECHNICAL, FactorFormulas.technical(d, emaFast.value(), emaSlow.value(), c, rsi.value()));
        f.put(Factor.VOLUME, FactorFormulas.volume(last.volume(), volumeAverageBefore));
        f.put(Factor.VOLATILITY, FactorFormulas.volatility(
                FactorFormulas.dailyAtrPercent(a, c, last.timeframe().millis()),
                settings.minVolatility(), settings.maxVolatility()));
        f.put(Factor.MOMENTUM, FactorFormulas.momentum(d, window.rateOfChangePercent(settings.momentumBars()),
                atrPercent, settings.momentumBars()));
        f.put(Factor.RISK_REWARD, FactorFormulas.riskReward(d, c, window.highestHigh(settings.swingBars()),
                window.lowestLow(settings.swingBars()), a, settings.stopAtr(), settings.fullRewardRisk()));
        f.put(Factor.TIMING, FactorFormulas.timing(d, c, window.highestHigh(settings.rangeBars()),
                window.lowestLow(settings.rangeBars()), closeAverage.value(), a));
        return FactorScores.weigh(f, settings.weights());
    }

    /**
     * The latest indicator values, for diagnostics.
     *
     * @return bars, readiness and indicator values (null while undefined)
     */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bars", bars);
        out.put("requiredBars", settings.requiredBars());
        out.put("ready", ready());
        if (window.size() > 0) {
            Bar last = window.get(0);
            out.put("close", last.close());
            out.put("emaFast", orNull(emaFast.value()));
            out.put("emaSlow", orNull(emaSlow.value()));
            out.put("rsi", orNull(rsi.value()));
            out.put("atr", orNull(atr.value()));
            out.put("dailyAtrPercent", orNull(FactorFormulas.dailyAtrPercent(atr.value(), last.close(),
                    last.timeframe().millis())));
            out.put("volumeAverage", orNull(volumeAverage.value()));
        }
        return out;
    }

    /**
     * The kept bars, oldest first: what a snapshot carries, so a new instance replays them.
     *
     * @return the bars
     */
    List<Bar> keptBars() {
        return window.oldestFirst();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
