package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --equity bounded|full}: how much of the equity curve a written result document carries. {@code bounded}
 * (the default) keeps at most {@value ResultDocument#DEFAULT_EQUITY_POINTS} points chosen by
 * Largest-Triangle-Three-Buckets with the maximum drawdown's peak and trough (see
 * {@link ResultDocument#withEquityPoints}), so that the file's size does not grow with the run; {@code full} keeps
 * the point of every bar. The store always keeps the whole curve.
 */
final class EquityOption {

    @Option(names = "--equity", paramLabel = "bounded|full", defaultValue = "bounded",
            description = "Equity points in result.json: bounded (default: at most "
                    + ResultDocument.DEFAULT_EQUITY_POINTS + ", keeping the extremes and the maximum drawdown) or"
                    + " full (every bar).")
    String equity;

    /** Whether every point is asked for; a value other than the two is refused naming the option. */
    boolean full() {
        String v = equity == null ? "bounded" : equity.toLowerCase(Locale.ROOT);
        if (!v.equals("bounded") && !v.equals("full")) {
            throw new UserInputException("--equity must be bounded or full, got '" + equity + "'");
        }
        return v.equals("full");
    }

    ResultDocument apply(ResultDocument document) {
        return full() ? document : document.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS);
    }

    PortfolioDocument apply(PortfolioDocument document) {
        return full() ? document : document.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS);
    }
}
