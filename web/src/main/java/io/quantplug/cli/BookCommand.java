package io.quantplug.cli;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.app.UserInputException;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.RecordedBookVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code quantplug book --data RECORDING --verify}: rebuilds the local order book of a recorded Binance stream with
 * the SDK's book (Binance's snapshot-and-diff procedure) and checks it against every recorded {@code bookTicker}
 * whose update id the book reaches exactly; prints one summary line; exits {@link QuantplugCli#BOOK_NOT_VERIFIED}
 * when a ticker disagreed or nothing could be checked (a recording without a depth snapshot).
 */
@Command(name = "book", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuild the local order book of a recorded Binance stream (lines '<local ns> <raw JSON>',"
                + " gzip or plain: trade, aggTrade, depth diffs, bookTicker, REST depth snapshots) and verify it"
                + " against every recorded bookTicker whose update id the book reaches exactly (best bid, best ask"
                + " and their quantities).",
            "Prints one line: events, depth updates, bookTickers, checks, mismatches, resyncs (gaps in the diff"
                + " stream) and unsynced depth updates. A recording without a depth snapshot (e.g. a day file that"
                + " continues the previous day's) builds no book: it reports 'no snapshot: N depth updates"
                + " skipped' and exits 8; give the file with the snapshot first (--data DAY1 --data DAY2).",
            "Exit codes: 0 every check agreed; 8 a mismatch, or nothing checked; 2 a missing or malformed file"
                + " (named with its line)."})
final class BookCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "RECORDING",
            description = "A recording file; repeat to read several in order as one recording.")
    List<Path> data;

    @Option(names = "--verify", required = true,
            description = "Check the book against the recorded bookTickers (the command's only mode so far).")
    boolean verify;

    @Option(names = "--max-buffered", paramLabel = "N", defaultValue = "10000",
            description = "Depth events buffered while awaiting a snapshot (1..1000000, default ${DEFAULT-VALUE}).")
    int maxBuffered;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(verbose);
        if (maxBuffered < 1 || maxBuffered > 1_000_000) {
            throw new UserInputException("--max-buffered must be in 1..1000000, got " + maxBuffered);
        }
        for (Path p : data) {
            UserInputException.requireDataFile(p);
        }
        RecordedBookVerifier.Result r;
        try (BinanceRecordingReader reader = BinanceRecordingReader.open(data, new JsonFactory())) {
            r = new RecordedBookVerifier(maxBuffered).verify(reader);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary(r));
        if (r.mismatches() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("quantplug book: " + r.mismatches() + " bookTicker(s) disagree with the book; the first:");
            r.firstMismatches().forEach(m -> err.println("  " + m));
        }
        return r.mismatches() == 0 && r.checks() > 0 ? QuantplugCli.OK : QuantplugCli.BOOK_NOT_VERIFIED;
    }

    private String summary(RecordedBookVerifier.Result r) {
        String market = r.rule() == null ? "no depth" : r.rule() == SequenceRule.SPOT ? "spot" : "futures";
        String name = data.size() == 1 ? data.get(0).getFileName().toString()
                : data.get(0).getFileName() + " (+" + (data.size() - 1) + " more)";
        String line = String.format(Locale.ROOT, "%s %s %s: %d events, %d depth updates, %d bookTickers, %d checks,"
                + " %d mismatches, %d resyncs, %d unsynced", name, r.symbol() == null ? "-" : r.symbol(), market,
                r.events(), r.depthUpdates(), r.bookTickers(), r.checks(), r.mismatches(), r.resyncs(), r.unsynced());
        if (r.snapshots() == 0) {
            line += "; no snapshot: " + r.depthUpdates() + " depth updates skipped";
        }
        return line;
    }
}
