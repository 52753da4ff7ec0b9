package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.BookVenue;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.ProbabilisticQueueModel;
import io.quantplug.runtime.internal.venue.QueuePositionModel;
import io.quantplug.runtime.internal.venue.RiskAverseQueueModel;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.internal.venue.VenueLatency;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How a tick backtest fills orders on the replayed order book instead of on bars: market orders walk the book level
 * by level, limit orders wait in the queue at their price until the volume ahead of them has traded, with separate
 * maker and taker fees and two latencies.
 *
 * <ul>
 *   <li><b>Latency</b>, in milliseconds of exchange time: an order (or a cancel) decided on an event stamped {@code t}
 *       reaches the matching engine at {@code t + feedLatencyMillis + entryLatencyMillis}, since the strategy saw the
 *       event {@code feedLatencyMillis} after it happened; what happens to it reaches the strategy
 *       {@code responseLatencyMillis} after it happened.</li>
 *   <li><b>Queue position</b>: {@link Queue#RISK_AVERSE} lets only trades at the order's price advance it (a cancel at
 *       the level only caps the volume ahead at the level's new size); {@link Queue#PROBABILISTIC} takes each cancel
 *       from ahead of the order with a probability that grows with the share of the level ahead of it, by the power
 *       {@code queuePower} (hftbacktest's power probability queue model, after Rigtorp, "Estimating order queue
 *       position", 2013).</li>
 * </ul>
 *
 * @param makerFeeBps          fee of fills that rested in the book, bps of notional, 0 to 1,000
 * @param takerFeeBps          fee of fills that took liquidity, bps of notional, 0 to 1,000
 * @param feedLatencyMillis    how late the strategy sees market data, &ge; 0
 * @param entryLatencyMillis   how long an order takes from the strategy to the matching engine, &ge; 0
 * @param responseLatencyMillis how long a fill or cancel takes back to the strategy, &ge; 0
 * @param queue                the queue-position model
 * @param queuePower           the probabilistic model's power {@code n}, &gt; 0 (ignored by the risk-averse one)
 */
public record BookFills(BigDecimal makerFeeBps, BigDecimal takerFeeBps, long feedLatencyMillis,
                        long entryLatencyMillis, long responseLatencyMillis, Queue queue, double queuePower) {

    /** The queue-position models. */
    public enum Queue {
        /** Only trades at the order's price advance it. */
        RISK_AVERSE,
        /** Cancels advance it with a probability, by a power of the volume behind and ahead of it. */
        PROBABILISTIC
    }

    /** The most latency accepted: one minute. */
    public static final long MAX_LATENCY_MILLIS = 60_000;

    /**
     * Validates the settings.
     *
     * @param makerFeeBps           maker fee, bps, 0 to 1,000
     * @param takerFeeBps           taker fee, bps, 0 to 1,000
     * @param feedLatencyMillis     feed latency, 0 to 60,000 ms
     * @param entryLatencyMillis    order entry latency, 0 to 60,000 ms
     * @param responseLatencyMillis response latency, 0 to 60,000 ms
     * @param queue                 the queue-position model, not null
     * @param queuePower            the probabilistic model's power, finite and &gt; 0
     * @throws BacktestConfigurationException naming the setting and its allowed range
     */
    public BookFills {
        Objects.requireNonNull(queue, "queue");
        BacktestConfig.checkBps("maker-fee-bps", makerFeeBps);
        BacktestConfig.checkBps("taker-fee-bps", takerFeeBps);
        checkLatency("feed-latency-ms", feedLatencyMillis);
        checkLatency("entry-latency-ms", entryLatencyMillis);
        checkLatency("response-latency-ms", responseLatencyMillis);
        if (!(queuePower > 0) || Double.isInfinite(queuePower)) {
            throw new BacktestConfigurationException("queue-power must be finite and > 0, got " + queuePower);
        }
    }

    /**
     * Book fills with one fee for makers and takers, no latency and the risk-averse queue.
     *
     * @param feeBps the fee, bps, 0 to 1,000
     * @return the settings
     */
    public static BookFills of(BigDecimal feeBps) {
        return new BookFills(feeBps, feeBps, 0, 0, 0, Queue.RISK_AVERSE, 1);
    }

    private static void checkLatency(String name, long millis) {
        if (millis < 0 || millis > MAX_LATENCY_MILLIS) {
            throw new BacktestConfigurationException(name + " must be 0 to " + MAX_LATENCY_MILLIS + " ms, got "
                    + millis);
        }
    }

    /** The venue these settings describe. */
    Venue venue(Map<InstrumentId, Instrument> instruments, Portfolio portfolio) {
        QueuePositionModel model = queue == Queue.RISK_AVERSE ? new RiskAverseQueueModel()
                : new ProbabilisticQueueModel(queuePower);
        return new BookVenue(instruments, new BpsFeeModel(makerFeeBps, takerFeeBps), portfolio,
                new VenueLatency(feedLatencyMillis + entryLatencyMillis, responseLatencyMillis), model);
    }
}
