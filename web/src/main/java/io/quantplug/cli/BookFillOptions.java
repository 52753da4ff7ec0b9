package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.runtime.backtest.BookFills;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/**
 * How a backtest on a recording fills orders on its replayed order book: fees for makers and takers, the three
 * latencies and the queue-position model ({@link BookFills}).
 */
final class BookFillOptions {

    @Option(names = "--maker-fee-bps", paramLabel = "BPS",
            description = "On a recording with a book: fee of fills that rested in the book (default: --fee-bps).")
    BigDecimal makerFeeBps;

    @Option(names = "--taker-fee-bps", paramLabel = "BPS",
            description = "On a recording with a book: fee of fills that took liquidity (default: --fee-bps).")
    BigDecimal takerFeeBps;

    @Option(names = "--feed-latency-ms", paramLabel = "MS|measured", defaultValue = "0",
            description = "How late the strategy sees market data, in ms, or 'measured': the recording's median"
                    + " delay from trade time to receive time, above its fastest trade's (default: ${DEFAULT-VALUE}).")
    String feedLatency;

    @Option(names = "--entry-latency-ms", paramLabel = "MS", defaultValue = "0",
            description = "How long an order or cancel takes to reach the exchange (default: ${DEFAULT-VALUE}).")
    long entryLatencyMillis;

    @Option(names = "--response-latency-ms", paramLabel = "MS", defaultValue = "0",
            description = "How long a fill or cancel takes back to the strategy (default: ${DEFAULT-VALUE}).")
    long responseLatencyMillis;

    @Option(names = "--queue-model", paramLabel = "MODEL", defaultValue = "risk-averse",
            description = "Queue position of resting limit orders: risk-averse (only trades at the price advance"
                    + " them) or probabilistic (cancels do too, by --queue-power) (default: ${DEFAULT-VALUE}).")
    String queueModel;

    @Option(names = "--queue-power", paramLabel = "N", defaultValue = "2",
            description = "The probabilistic queue model's power n, > 0 (default: ${DEFAULT-VALUE}).")
    double queuePower;

    /**
     * The fill settings.
     *
     * @param feeBps           the backtest's fee, the default of both maker and taker fees
     * @param measuredFeedMillis the recording's median feed latency, for {@code measured}
     * @return the settings
     * @throws UserInputException naming the option and its allowed values
     */
    BookFills fills(BigDecimal feeBps, long measuredFeedMillis) {
        long feed;
        if ("measured".equals(feedLatency)) {
            feed = measuredFeedMillis;
        } else {
            try {
                feed = Long.parseLong(feedLatency);
            } catch (NumberFormatException e) {
                throw new UserInputException("--feed-latency-ms must be a number of ms or 'measured', got '"
                        + feedLatency + "'");
            }
        }
        BookFills.Queue queue = switch (queueModel) {
            case "risk-averse" -> BookFills.Queue.RISK_AVERSE;
            case "probabilistic" -> BookFills.Queue.PROBABILISTIC;
            default -> throw new UserInputException("--queue-model must be risk-averse or probabilistic, got '"
                    + queueModel + "'");
        };
        try {
            return new BookFills(makerFeeBps != null ? makerFeeBps : feeBps, takerFeeBps != null ? takerFeeBps : feeBps,
                    feed, entryLatencyMillis, responseLatencyMillis, queue, queuePower);
        } catch (BacktestConfigurationException e) {
            throw new UserInputException("--" + e.getMessage());
        }
    }
}
