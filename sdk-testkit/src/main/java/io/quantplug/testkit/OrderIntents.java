package io.quantplug.testkit;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.risk.OrderIntent;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the {@link OrderIntent} a risk rule checks, the way the engine builds one for a base-sized market order:
 * the notional is the quantity times the reference price, and the intent {@linkplain OrderIntent#reducesPosition()
 * reduces the position} when the account holds a position on the other side at least as large as the order.
 *
 * <pre>{@code
 * // long 3 BTC: selling 2 at 200 reduces the position, notional 2 x 200 = 400
 * OrderIntent sell = OrderIntents.market(new FakePortfolio().withPosition(btc, "3"), btc, Side.SELL, "2", "200");
 * }</pre>
 *
 * <p>Every intent gets a fresh client order id ({@code intent-1}, {@code intent-2} ...) and the source
 * {@value #SOURCE}. Thread-safe.
 */
public final class OrderIntents {

    /** The strategy instance every intent built here names as its source. */
    public static final String SOURCE = "strategy-1";

    private static final AtomicLong IDS = new AtomicLong();

    private OrderIntents() {
    }

    /**
     * A base-sized market order intent.
     *
     * @param portfolio  the account, read for the position the order would change
     * @param instrument the instrument
     * @param side       buy or sell
     * @param quantity   base units as exact decimal text, &gt; 0
     * @param price      the reference price (the last price) as exact decimal text, quote per base
     * @return the intent: notional {@code quantity x price}; reducing when the position is on the other side and
     *         not smaller than the quantity
     * @throws NumberFormatException    when a text is not a decimal
     * @throws IllegalArgumentException when the quantity is not positive (the order refuses it)
     */
    public static OrderIntent market(PortfolioView portfolio, InstrumentId instrument, Side side, String quantity,
                                     String price) {
        BigDecimal qty = new BigDecimal(quantity);
        BigDecimal reference = new BigDecimal(price);
        BigDecimal position = portfolio.position(instrument).quantity();
        boolean reduces = position.signum() != 0 && position.signum() != side.sign()
                && qty.compareTo(position.abs()) <= 0;
        MarketOrder order = new MarketOrder(new ClientOrderId("intent-" + IDS.incrementAndGet()), instrument, side,
                OrderSize.base(qty));
        return new OrderIntent(order, SOURCE, Double.parseDouble(price), qty, qty.multiply(reference), reduces);
    }
}
