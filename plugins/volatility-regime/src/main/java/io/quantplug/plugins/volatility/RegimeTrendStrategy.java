package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trend following by Donchian breakout, sized down as volatility rises and out of the market in EXTREME volatility.
 *
 * <h2>Per bar, at its close</h2>
 * The bar's log return {@code ln(C_t / C_{t-1})} updates the regime model (the {@code volatility-regime} enhancer's,
 * {@link RegimeModel}, same parameters) and the volatility forecast ({@link VolatilityForecast}, by default
 * GARCH(1,1) refitted walk-forward, the EWMA before its first fit). Then, with {@code H_n} and {@code L_n} the highest
 * high and the lowest low of the {@code n} bars <em>before</em> this one (Donchian channels, {@link PriceChannel}):
 * <ul>
 *   <li><b>long</b>: a FLAT signal when the regime is EXTREME, or when {@code C_t < L_exitBars};</li>
 *   <li><b>short</b> (only with {@code allowShort}): a FLAT signal when the regime is EXTREME, or when
 *       {@code C_t > H_exitBars};</li>
 *   <li><b>flat</b>, the regime LOW, MEDIUM or HIGH and the forecast known: a LONG signal when
 *       {@code C_t > H_entryBars}, else with {@code allowShort} a SHORT signal when {@code C_t < L_entryBars}. The
 *       signal's strength is {@code strengthLow}, {@code strengthMedium} or {@code strengthHigh} by the regime (1,
 *       0.5, 0.25 by default) and its score {@code volatilityRegime} the regime's ordinal. No entry while the regime
 *       is warming up or EXTREME.</li>
 * </ul>
 * A breakout is not remembered: one missed in EXTREME is not taken later. A position is reversed in two steps (an
 * exit, then an entry at a later breakout).
 *
 * <h2>Strength and size</h2>
 * The engine turns a signal into an order size through the session's position sizer. Without one it invests all
 * available cash whatever the strength, and the sizers shipped so far do not read the strength either: the cut in
 * size takes effect with a sizer that scales by {@link Signal#strength()}.
 *
 * <h2>The stop</h2>
 * When an entry fills, a stop-market order for the whole position goes to the venue
 * ({@link StrategyContext#submit}) at {@code entry - stopMultiple x sigma x entry} for a long ({@code +} for a short),
 * {@code sigma} the volatility forecast for the bar the entry filled in ({@link ProtectiveStop}). A resting order
 * rather than an exit signal on a bar whose low crosses the level: it fills within the bar at the stop price (or at
 * the open when the bar gaps through it), plus slippage, as an exchange stop does, instead of one bar later at the
 * next open, and it protects the position even if this instance stops. It is cancelled before a FLAT exit (the engine
 * ignores an exit while another exit order is working) and when the position is gone; a bar-based backtest matches it
 * from the bar after the entry's fill bar on.
 *
 * <h2>Hot swap</h2>
 * {@link #snapshot()} hands the regime model, the forecast, the channel and the stop's state (format
 * {@value #SNAPSHOT_FORMAT}); the working stop order itself stays with the session.
 *
 * <p>Called on the engine thread only; not thread-safe.
 */
final class RegimeTrendStrategy implements Strategy {

    /** The snapshot layout. */
    static final String SNAPSHOT_FORMAT = "regime-trend/1";

    private final StrategyContext context;
    private final TrendSettings settings;
    private RegimeModel regime;
    private VolatilityForecast forecast;
    private PriceChannel channel;
    private final ProtectiveStop stop;
    private double previousClose = Double.NaN;

    RegimeTrendStrategy(StrategyContext context, TrendSettings settings) {
        this.context = context;
        this.settings = settings;
        this.regime = settings.regime().newModel();
        this.forecast = settings.forecast().newForecast();
        this.channel = new PriceChannel(Math.max(settings.entryBars(), settings.exitBars()));
        this.stop = new ProtectiveStop(context, settings.stopMultiple());
    }

    @Override
    public void onBar(Bar bar) {
        double close = bar.close();
        if (!Double.isNaN(previousClose)) {
            double r = Math.log(close / previousClose);
            regime.update(r);
            forecast.update(r);
        }
        previousClose = close;
        PositionView position = syncStop();
        decide(close, position.quantity().signum(), regime.regime());
        channel.add(bar.high(), bar.low());
    }

    private void decide(double close, int held, VolatilityRegime g) {
        if (held > 0) {
            if (g == VolatilityRegime.EXTREME) {
                exit("volatility regime EXTREME");
            } else if (channel.has(settings.exitBars()) && close < channel.lowest(settings.exitBars())) {
                exit("close " + close + " below the " + settings.exitBars() + "-bar low "
                        + channel.lowest(settings.exitBars()));
            }
            return;
        }
        if (held < 0) {
            if (g == VolatilityRegime.EXTREME) {
                exit("volatility regime EXTREME");
            } else if (channel.has(settings.exitBars()) && close > channel.highest(settings.exitBars())) {
                exit("close " + close + " above the " + settings.exitBars() + "-bar high "
                        + channel.highest(settings.exitBars()));
            }
            return;
        }
        if (g == null || g == VolatilityRegime.EXTREME || Double.isNaN(forecast.variance())
                || !channel.has(settings.entryBars())) {
            return;
        }
        double high = channel.highest(settings.entryBars());
        double low = channel.lowest(settings.entryBars());
        if (close > high) {
            enter(SignalDirection.LONG, g, "close " + close + " above the " + settings.entryBars() + "-bar high "
                    + high + " in a " + g + " volatility regime");
        } else if (settings.allowShort() && close < low) {
            enter(SignalDirection.SHORT, g, "close " + close + " below the " + settings.entryBars() + "-bar low "
                    + low + " in a " + g + " volatility regime");
        }
    }

    private void enter(SignalDirection direction, VolatilityRegime g, String reason) {
        context.emit(new Signal(context.instrument().id(), direction, settings.strength(g), 1.0,
                context.clock().millis(), reason, Map.of(VolatilityRegimeEnhancer.SCORE_REGIME, (double) g.ordinal())));
    }

    private void exit(String reason) {
        stop.cancel();
        context.emit(Signal.of(context.instrument().id(), SignalDirection.FLAT, context.clock().millis(), reason));
    }

    /** Keeps the stop in line with the position; returns the position. */
    private PositionView syncStop() {
        PositionView position = context.portfolio().position(context.instrument().id());
        stop.sync(position.quantity(), position.averageEntryPrice(), forecast.volatility());
        return position;
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        stop.onEvent(event);
        if (event instanceof OrderFilled) {
            syncStop();
        }
    }

    /**
     * The stop level of the current position.
     *
     * @return the level, or null when flat or without a stop
     */
    BigDecimal stopPrice() {
        return stop.price();
    }

    /** @return the regime after the latest bar, null while warming up */
    VolatilityRegime regime() {
        return regime.regime();
    }

    /** @return the volatility forecast after the latest bar, per bar, NaN before it exists */
    double forecastVolatility() {
        return forecast.volatility();
    }

    @Override
    public StateSnapshot snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("previousClose", Double.toString(previousClose));
        values.put("regimeFormat", regime.snapshotFormat());
        regime.writeTo(values);
        forecast.writeTo("forecast.", values);
        channel.writeTo(values);
        stop.writeTo(values);
        return new StateSnapshot(SNAPSHOT_FORMAT, values);
    }

    /**
     * Continues from a snapshot of format {@value #SNAPSHOT_FORMAT} with the same regime model. A snapshot that
     * cannot be read changes nothing.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return true when restored
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        Map<String, String> in = snapshot.values();
        if (!SNAPSHOT_FORMAT.equals(snapshot.format())
                || !regime.snapshotFormat().equals(in.get("regimeFormat"))) {
            return false;
        }
        try {
            RegimeModel g = settings.regime().newModel();
            g.readFrom(in);
            VolatilityForecast f = settings.forecast().newForecast();
            f.readFrom("forecast.", in);
            PriceChannel c = new PriceChannel(Math.max(settings.entryBars(), settings.exitBars()));
            c.readFrom(in);
            double close = SnapshotValues.number(in, "previousClose");
            stop.readFrom(in);
            regime = g;
            forecast = f;
            channel = c;
            previousClose = close;
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
