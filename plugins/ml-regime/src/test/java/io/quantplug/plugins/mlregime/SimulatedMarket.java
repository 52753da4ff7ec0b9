package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A market simulated in segments of known regime (seeded, so every run is the same): log returns
 * {@code mu + sigma e} with e standard normal; TREND_UP and TREND_DOWN drift by {@code +-drift sigma0} per bar at
 * volatility sigma0, RANGE has no drift, HIGH_VOLATILITY no drift and {@code 3 sigma0}. Highs and lows spread half a
 * sigma beyond open and close, volume is log-normal and three times higher in HIGH_VOLATILITY.
 */
final class SimulatedMarket {

    static final double SIGMA0 = 0.01;

    final List<Bar> bars = new ArrayList<>();
    final List<MarketRegime> truth = new ArrayList<>();

    static SimulatedMarket generate(long seed, int size, double drift, int minSegment, int minBurst) {
        Random random = new Random(seed);
        SimulatedMarket m = new SimulatedMarket();
        double close = 100;
        MarketRegime regime = MarketRegime.RANGE;
        List<MarketRegime> order = new ArrayList<>();
        int left = 0;
        for (int i = 0; i < size; i++) {
            if (left == 0) {
                if (order.isEmpty()) {
                    order.addAll(List.of(MarketRegime.values()));
                    java.util.Collections.shuffle(order, random);
                }
                regime = order.remove(0);
                left = regime == MarketRegime.HIGH_VOLATILITY ? minBurst + random.nextInt(minBurst + 1)
                        : minSegment + random.nextInt(minSegment + 1);
            }
            left--;
            double sigma = regime == MarketRegime.HIGH_VOLATILITY ? 3 * SIGMA0 : SIGMA0;
            double mu = regime == MarketRegime.TREND_UP ? drift * SIGMA0
                    : regime == MarketRegime.TREND_DOWN ? -drift * SIGMA0 : 0;
            double open = close;
            close = open * Math.exp(mu + sigma * random.nextGaussian());
            double high = Math.max(open, close) * Math.exp(Math.abs(random.nextGaussian()) * sigma / 2);
            double low = Math.min(open, close) * Math.exp(-Math.abs(random.nextGaussian()) * sigma / 2);
            double volume = 100 * Math.exp(0.3 * random.nextGaussian())
                    * (regime == MarketRegime.HIGH_VOLATILITY ? 3 : 1);
            m.bars.add(Fixtures.bar(i, open, high, low, close, volume));
            m.truth.add(regime);
        }
        return m;
    }
}
