package io.quantplug.plugins.perpetuals;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the account's net position in one base asset within a band by trading its perpetual.
 *
 * <p>Decided once per bar, on the perpetual's bar once every other instrument's bar of the same open time is in.
 * With {@code X} the summed position of the other instruments (base units), {@code P} the perpetual's position and
 * {@code h = hedgeRatio}, the target is {@code P* = −h × X}; when {@code |P − P*| × close > bandPct % × equity}, a
 * market order on the perpetual of {@code P* − P} (rounded toward zero to its lot) brings it to the target, so it fills
 * at the next bar's open. What the hedge cost is the perpetual leg's result: its P&amp;L after fees plus its funding
 * (the instrument table of a portfolio run). Stateless beyond the account; not thread-safe (engine thread).
 */
final class DeltaHedger implements Strategy {

    /** The snapshot format: nothing of its own to carry. */
    static final String SNAPSHOT_FORMAT = "delta-hedger/1";
    private static final BigDecimal PERCENT = new BigDecimal("100");

    private final StrategyContext context;
    private final BigDecimal band;
    private final BigDecimal hedgeRatio;
    private final Instrument perp;
    private final List<Instrument> exposures = new ArrayList<>();

    DeltaHedger(StrategyContext context, BigDecimal bandPct, BigDecimal hedgeRatio) {
        this.context = context;
        this.band = bandPct.divide(PERCENT);
        this.hedgeRatio = hedgeRatio;
        Instrument hedge = null;
        for (Instrument i : context.instruments()) {
            if (i.kind() == InstrumentKind.PERPETUAL) {
                hedge = i;
            } else {
                exposures.add(i);
            }
        }
        this.perp = hedge;
    }

    /**
     * The perpetual order that brings its position to the target, or zero when the deviation is within the band.
     *
     * @param exposure  the other instruments' summed position, base units
     * @param perpetual the perpetual's position
     * @param price     the perpetual's close
     * @param equity    the account's equity
     * @return the signed quantity to trade, rounded toward zero to the lot; zero inside the band
     */
    BigDecimal hedge(BigDecimal exposure, BigDecimal perpetual, BigDecimal price, BigDecimal equity) {
        BigDecimal deviation = perpetual.add(hedgeRatio.multiply(exposure));
        if (deviation.abs().multiply(price).compareTo(band.multiply(equity)) <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal trade = perp.roundQuantityDown(deviation.abs());
        return deviation.signum() > 0 ? trade.negate() : trade;
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(perp.id())) {
            return;
        }
        BigDecimal exposure = BigDecimal.ZERO;
        for (Instrument i : exposures) {
            if (context.history(i.id()).size() == 0
                    || context.history(i.id()).get(0).openTimeMillis() != bar.openTimeMillis()) {
                return; // wait for a time every instrument has a bar of
            }
            exposure = exposure.add(context.portfolio().position(i.id()).quantity());
        }
        BigDecimal trade = hedge(exposure, context.portfolio().position(perp.id()).quantity(),
                BigDecimal.valueOf(bar.close()), context.portfolio().equity());
        if (trade.signum() != 0) {
            context.submit(new MarketOrder(context.nextClientOrderId(), perp.id(),
                    trade.signum() > 0 ? Side.BUY : Side.SELL, OrderSize.base(trade.abs())));
        }
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(SNAPSHOT_FORMAT, Map.of());
    }

    @Override
    public boolean restore(StateSnapshot snapshot) {
        return SNAPSHOT_FORMAT.equals(snapshot.format());
    }
}
