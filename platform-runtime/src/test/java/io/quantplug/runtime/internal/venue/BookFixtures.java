package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quantplug.runtime.internal.venue.VenueFixtures.BTC;
import static io.quantplug.runtime.internal.venue.VenueFixtures.T0;
import static io.quantplug.runtime.internal.venue.VenueFixtures.d;

/**
 * Crafted books, trades and a {@link BookVenue} with a recording listener for the book-venue tests. Times are
 * milliseconds after {@link VenueFixtures#T0}; fees are maker 2 bps and taker 5 bps unless a test says otherwise.
 */
final class BookFixtures {

    private BookFixtures() {
    }

    /** Levels as price, quantity pairs, best first. */
    static List<BookLevel> levels(double... priceQuantity) {
        List<BookLevel> out = new ArrayList<>();
        for (int i = 0; i < priceQuantity.length; i += 2) {
            out.add(new BookLevel(priceQuantity[i], priceQuantity[i + 1]));
        }
        return out;
    }

    /** A book at {@code T0 + ms}. */
    static OrderBookSnapshot book(long ms, List<BookLevel> bids, List<BookLevel> asks) {
        return new OrderBookSnapshot(BTC, T0 + ms, bids, asks);
    }

    /** A trade at {@code T0 + ms}; {@code aggressor} SELL hits the bids. */
    static TradeTick trade(long ms, double price, double quantity, Side aggressor) {
        return new TradeTick(BTC, T0 + ms, price, quantity, aggressor, "t" + ms);
    }

    /** A book venue on one instrument, its account and a recorder that books fills as the session does. */
    static final class BookRig {
        final Portfolio portfolio;
        final VenueFixtures.Recorder recorder;
        final BookVenue venue;

        BookRig(Instrument instrument, String cash, VenueLatency latency, QueuePositionModel queue) {
            this(instrument, cash, latency, queue, "2", "5");
        }

        BookRig(Instrument instrument, String cash, VenueLatency latency, QueuePositionModel queue,
                String makerBps, String takerBps) {
            portfolio = new Portfolio("USDT", d(cash));
            recorder = new VenueFixtures.Recorder(portfolio);
            venue = new BookVenue(Map.of(instrument.id(), instrument), new BpsFeeModel(d(makerBps), d(takerBps)),
                    portfolio, latency, queue);
            venue.connect(recorder);
        }
    }
}
