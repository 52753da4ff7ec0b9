package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Funding;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.MarginRequirement;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.FundingRate;
import io.quantplug.runtime.margin.FundingRates;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.LiquidationPrice;
import io.quantplug.runtime.margin.MarginCall;
import io.quantplug.runtime.margin.MarginMode;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a session trading a perpetual does on each bar beyond matching orders: liquidation and funding.
 *
 * <p><b>Liquidation.</b> After the bar's open has filled the working orders, the position's liquidation price
 * ({@link LiquidationPrice}, rounded to the tick towards the position's side: up for a long, down for a short) is
 * compared with the bar's range, the last trade price standing in for the mark price: a long whose bar low reaches
 * it, or a short whose high does, is closed at that price (at the open when the bar opened beyond it) with the taker
 * fee. Binance's liquidation clearance fee is not charged.
 *
 * <p><b>Funding.</b> At each recorded funding time {@code T} with {@code open < T ≤ close} of a bar, the position
 * held at the bar's close pays or receives {@code −position × close × rate} ({@link FundingPayment}); funding times
 * at or before the first bar's open are skipped. In isolated margin the funding since the position opened counts in
 * its wallet balance. Engine thread only.
 */
final class PerpetualMargin {

    private final MarginRequirement requirement;
    private final PerpetualTerms terms;
    private final Instrument instrument;
    private final Portfolio portfolio;
    private final SessionListener listener;
    private int nextFunding = -1;
    private long positionOpening = -1;
    private BigDecimal fundingSinceOpen = BigDecimal.ZERO;
    /** The position that had a margin call (its opening), so that a position is called once per breach. */
    private long calledOpening = -1;

    PerpetualMargin(MarginRequirement requirement, Instrument instrument, Portfolio portfolio,
                    SessionListener listener) {
        this.requirement = requirement;
        this.terms = requirement.terms();
        this.instrument = instrument;
        this.portfolio = portfolio;
        this.listener = listener;
    }

    MarginRequirement requirement() {
        return requirement;
    }

    /**
     * The last funding settled at or before a time, from the recorded rates.
     *
     * @param nowMillis the session's time
     * @return the funding, or empty before the first recorded one
     */
    Optional<Funding> lastFunding(long nowMillis) {
        FundingRates rates = terms.funding();
        int i = rates.firstAfter(nowMillis) - 1;
        if (i < 0) {
            return Optional.empty();
        }
        long time = rates.get(i).timeMillis();
        return Optional.of(new Funding(instrument.id(), time, rates.get(i).rate().doubleValue(),
                i > 0 ? time - rates.get(i - 1).timeMillis() : 0));
    }

    /**
     * The liquidation the bar's range causes, if any.
     *
     * @param bar the bar, after its open's fills
     * @return the liquidation to carry out, or null
     */
    Liquidation breach(Bar bar) {
        BigDecimal position = portfolio.position(instrument.id()).quantity();
        if (position.signum() == 0) {
            return null;
        }
        boolean isLong = position.signum() > 0;
        BigDecimal quantity = position.abs();
        BigDecimal costBasis = portfolio.costBasis(instrument.id()).abs();
        BigDecimal entry = costBasis.divide(quantity, MathContext.DECIMAL128);
        BigDecimal wallet = requirement.walletBalance(instrument.id(), fundingOfThisPosition());
        BigDecimal exact = LiquidationPrice.of(isLong, quantity, entry, wallet, BigDecimal.ZERO, BigDecimal.ZERO,
                terms.brackets());
        if (exact.signum() == 0) {
            return null;
        }
        BigDecimal price = instrument.roundPrice(exact, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
        double level = price.doubleValue();
        boolean reached = isLong ? bar.low() <= level : bar.high() >= level;
        if (!reached) {
            return null;
        }
        boolean gapped = isLong ? bar.open() <= level : bar.open() >= level;
        BigDecimal fill = gapped ? instrument.toTickPrice(bar.open()) : price;
        return new Liquidation(bar.openTimeMillis(), instrument.id(), position, entry.stripTrailingZeros(), price,
                fill, wallet, terms.brackets().maintenanceMargin(quantity.multiply(price)), terms.mode());
    }

    /**
     * Books the funding due in a bar, after the portfolio was marked at its close.
     *
     * @param bar the bar
     */
    void fund(Bar bar) {
        FundingRates rates = terms.funding();
        if (nextFunding < 0) {
            nextFunding = rates.firstAfter(bar.openTimeMillis());
        }
        long close = bar.closeTimeMillis();
        while (nextFunding < rates.size()) {
            FundingRate r = rates.get(nextFunding);
            if (r.timeMillis() > close) {
                return;
            }
            nextFunding++;
            if (r.timeMillis() <= bar.openTimeMillis()) {
                continue;
            }
            BigDecimal position = portfolio.position(instrument.id()).quantity();
            if (position.signum() == 0) {
                continue;
            }
            FundingPayment payment = FundingPayment.of(r.timeMillis(), instrument.id(), r.rate(),
                    instrument.toTickPrice(bar.close()), position);
            fundingSinceOpen = fundingOfThisPosition().add(payment.amount());
            portfolio.applyFunding(payment.amount());
            listener.onFunding(payment);
        }
    }

    /**
     * Makes a margin call when the position's margin ratio at the bar's close ({@code maintenance margin / margin
     * balance}) is at least {@link MarginCall#THRESHOLD}: once, until the ratio falls back below it or another
     * position is opened.
     *
     * @param bar the bar, after the portfolio was marked at its close
     */
    void checkMarginCall(Bar bar) {
        BigDecimal position = portfolio.position(instrument.id()).quantity();
        if (position.signum() == 0) {
            return;
        }
        BigDecimal mark = instrument.toTickPrice(bar.close());
        BigDecimal maintenance = terms.brackets().maintenanceMargin(position.abs().multiply(mark));
        BigDecimal balance = terms.mode() == MarginMode.CROSS ? portfolio.equity()
                : requirement.walletBalance(instrument.id(), fundingOfThisPosition())
                .add(position.multiply(mark).subtract(portfolio.costBasis(instrument.id())));
        BigDecimal ratio = balance.signum() <= 0 ? BigDecimal.ONE
                : maintenance.divide(balance, MathContext.DECIMAL64);
        if (ratio.compareTo(MarginCall.THRESHOLD) < 0) {
            if (calledOpening == portfolio.openings()) {
                calledOpening = -1; // back below: a new breach calls again
            }
            return;
        }
        if (calledOpening != portfolio.openings()) {
            calledOpening = portfolio.openings();
            listener.onMarginCall(new MarginCall(bar.closeTimeMillis(), instrument.id(), position, mark, balance,
                    maintenance, ratio));
        }
    }

    /** The funding booked since the position now open was opened (zero once another was opened). */
    private BigDecimal fundingOfThisPosition() {
        if (portfolio.openings() != positionOpening) {
            positionOpening = portfolio.openings();
            fundingSinceOpen = BigDecimal.ZERO;
        }
        return fundingSinceOpen;
    }
}
