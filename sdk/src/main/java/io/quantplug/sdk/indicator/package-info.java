/**
 * Streaming indicators: each {@code update} costs O(1) time and memory, whatever the history length, and each
 * indicator declares how many inputs it needs before its value means anything ({@link
 * io.quantplug.sdk.indicator.Indicator#warmUpPeriod()}).
 *
 * <pre>{@code
 * Sma fast = new Sma(10), slow = new Sma(30);
 * Crossing cross = new Crossing();
 * // in onBar:
 * fast.update(bar.close());
 * slow.update(bar.close());
 * if (fast.isReady() && slow.isReady()) {
 *     switch (cross.update(fast.value(), slow.value())) {
 *         case UP -> ...    // fast crossed above slow
 *         case DOWN -> ...
 *         case NONE -> { }
 *     }
 * }
 * }</pre>
 *
 * Indicators over more than the close ({@link io.quantplug.sdk.indicator.BarIndicator}) take the whole bar:
 *
 * <pre>{@code
 * AverageTrueRange atr = new AverageTrueRange(14);
 * BollingerBands bands = new BollingerBands(20, 2);
 * RollingVwap vwap = new RollingVwap(60);              // over the last 60 bars, not a daily session VWAP
 * // in onBar:
 * atr.update(bar);
 * vwap.update(bar);
 * bands.update(bar.close());
 * if (bands.isReady() && atr.isReady() && bar.close() < bands.lower()) {
 *     double stop = bar.close() - 2 * atr.value();    // quote per base
 *     ...
 * }
 * }</pre>
 *
 * Available: {@link io.quantplug.sdk.indicator.Sma}, {@link io.quantplug.sdk.indicator.Ema},
 * {@link io.quantplug.sdk.indicator.Rsi}, {@link io.quantplug.sdk.indicator.RateOfChange},
 * {@link io.quantplug.sdk.indicator.Highest}, {@link io.quantplug.sdk.indicator.Lowest},
 * {@link io.quantplug.sdk.indicator.BollingerBands}, {@link io.quantplug.sdk.indicator.Macd} over one series;
 * {@link io.quantplug.sdk.indicator.TrueRange}, {@link io.quantplug.sdk.indicator.AverageTrueRange},
 * {@link io.quantplug.sdk.indicator.StochasticOscillator}, {@link io.quantplug.sdk.indicator.RollingVwap},
 * {@link io.quantplug.sdk.indicator.OnBalanceVolume}, {@link io.quantplug.sdk.indicator.KeltnerChannels} over bars;
 * {@link io.quantplug.sdk.indicator.Crossing} to detect crossings. Each class names the source of its formula and
 * how it differs from ta4j 0.17, against which it is tested on real Binance bars. Indicators hold no snapshot of
 * their own: a strategy that must survive a hot swap keeps its recent bars in an
 * {@link io.quantplug.sdk.bar.BarRingBuffer}, writes them with the {@code io.quantplug.sdk.snapshot} codec and feeds
 * them to fresh indicators in {@code restore}.
 *
 * <p>Indicators are not thread-safe; a strategy uses them from its engine-thread callbacks only.
 */
package io.quantplug.sdk.indicator;
