package io.quantplug.plugins.perpetuals;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.market.Funding;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * Cash-and-carry on a perpetual's funding: long spot, short the same quantity of the perpetual, so the position is
 * flat in the base asset and earns the funding the shorts receive.
 *
 * <p>Decided once per bar, on the perpetual's bar once the spot bar of the same open time is in (the portfolio feeds
 * the spot leg first). With {@code f} the last settled funding rate annualised ({@link Funding#annualized()}:
 * rate × 365 days / its interval), {@code b = (perp close − spot close) / spot close} the basis, {@code H =
 * holdDays} and {@code c = costBps / 10,000}:
 * <ul>
 *   <li>flat: enter when the expected carry over {@code H}, annualised, {@code (f × H/365 + b − 4c) × 365/H}, is
 *       at least {@code entryApr}: a short entered at a premium {@code b > 0} gains it as the basis converges, one
 *       at a discount loses it; four fills (both legs, in and out) cost {@code c} each. The legs are market orders
 *       of {@code floor_lot(allocation × equity / spot close)} base units: a spot buy and a perpetual sell;</li>
 *   <li>in position: exit both legs when {@code f < exitApr} (the funding fell back or flipped).</li>
 * </ul>
 * The account shows what the trade made: funding (the run's {@code perpetual.totalFunding}), fees (the trades'
 * fees) and basis P&amp;L (the trades' gross P&amp;L of both legs), which add up to the net P&amp;L exactly. Not
 * thread-safe: the engine calls it on one thread.
 */
final class FundingArbitrage implements Strategy {

    /** The snapshot format: the strategy keeps no state of its own beyond the account's positions. */
    static final String SNAPSHOT_FORMAT = "funding-arbitrage/1";

    /**
     * The checked parameters.
     *
     * @param entryApr   entry threshold, fraction a year
     * @param exitApr    exit threshold, fraction a year
     * @param holdDays   the horizon, days
     * @param cost       the cost per fill, a fraction
     * @param allocation the spot leg's share of equity
     */
    record Settings(double entryApr, double exitApr, int holdDays, double cost, BigDecimal allocation) {

        /**
         * The expected carry of an entry, annualised: {@code (f × H/365 + b − 4c) × 365/H}.
         *
         * @param fundingApr the funding rate annualised, a fraction
         * @param basis      {@code (perp − spot) / spot}
         * @return a fraction a year
         */
        double carry(double fundingApr, double basis) {
            double years = holdDays / 365.0;
            return (fundingApr * years + basis - 4 * cost) / years;
        }

        static Settings of(Parameters p) {
            return new Settings(p.getDouble("entryApr") / 100, p.getDouble("exitApr") / 100, p.getInt("holdDays"),
                    p.getDouble("costBps") / 10_000, p.getDecimal("allocation"));
        }
    }

    private final StrategyContext context;
    private final Settings settings;
    private final Instrument spot;
    private final Instrument perp;

    FundingArbitrage(StrategyContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
        this.spot = context.instruments().get(0);
        this.perp = context.instruments().get(1);
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(perp.id())) {
            return;
        }
        BarHistory spotBars = context.history(spot.id());
        if (spotBars.size() == 0 || spotBars.get(0).openTimeMillis() != bar.openTimeMillis()) {
            return; // no spot bar of this time (a gap in the spot data): decide on the next pair
        }
        Optional<Funding> last = context.lastFunding(perp.id());
        if (last.isEmpty() || Double.isNaN(last.get().annualized())) {
            return;
        }
        double funding = last.get().annualized();
        double spotClose = spotBars.get(0).close();
        BigDecimal spotHeld = context.portfolio().position(spot.id()).quantity();
        BigDecimal perpHeld = context.portfolio().position(perp.id()).quantity();
        boolean inPosition = spotHeld.signum() != 0 || perpHeld.signum() != 0;
        if (inPosition) {
            if (funding < settings.exitApr()) {
                close(spotHeld, perpHeld);
            }
            return;
        }
        if (settings.carry(funding, (bar.close() - spotClose) / spotClose) >= settings.entryApr()) {
            BigDecimal quantity = perp.roundQuantityDown(spot.roundQuantityDown(settings.allocation()
                    .multiply(context.portfolio().equity()).divide(BigDecimal.valueOf(spotClose),
                            MathContext.DECIMAL64)));
            if (quantity.signum() > 0) {
                submit(spot, Side.BUY, quantity);
                submit(perp, Side.SELL, quantity);
            }
        }
    }

    private void close(BigDecimal spotHeld, BigDecimal perpHeld) {
        if (spotHeld.signum() > 0) {
            submit(spot, Side.SELL, spotHeld);
        }
        if (perpHeld.signum() != 0) {
            submit(perp, perpHeld.signum() < 0 ? Side.BUY : Side.SELL, perpHeld.abs());
        }
    }

    private void submit(Instrument instrument, Side side, BigDecimal quantity) {
        context.submit(new MarketOrder(context.nextClientOrderId(), instrument.id(), side, OrderSize.base(quantity)));
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(SNAPSHOT_FORMAT, Map.of());
    }

    @Override
    public boolean restore(StateSnapshot snapshot) {
        return SNAPSHOT_FORMAT.equals(snapshot.format()); // the positions are the account's: nothing else to carry
    }
}
