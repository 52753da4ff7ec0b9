package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.store.BarStore;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantplug data}: bars in the store. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Bars in the store: import, download, list.",
        subcommands = {DataCommand.Import.class, DataDownloadCommand.class, DataCommand.ListSeries.class})
final class DataCommand {

    /** {@code quantplug data import FILE --symbol S --timeframe 1m}. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Import a bar file (Binance kline CSV or OHLCV CSV, .gz too) into the store. Bars already"
                    + " stored with the same values are skipped; a bar that differs from the stored one refuses"
                    + " the whole file.")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The bar file.")
        Path file;

        @Option(names = "--timeframe", required = true, paramLabel = "TF",
                description = "Bar length of the file, e.g. 1m, 1h, 1d (checked against the data).")
        String timeframe;

        @Mixin
        InstrumentOptions instrumentOptions;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(common.verbose);
            PrintWriter out = spec.commandLine().getOut();
            Timeframe expected = parseTimeframe(timeframe);
            UserInputException.requireDataFile(file);
            LoadedBars loaded = new BarFileReader().read(file, expected);
            Instrument instrument = instrumentOptions.resolve(file, loaded.series());
            try (Store store = common.openStore()) {
                long start = System.nanoTime();
                BarStore.ImportResult r = store.bars().importBars(instrument, loaded.series());
                double seconds = (System.nanoTime() - start) / 1e9;
                store.audit().append(Store.processUser(), "data.imported", "bars/" + instrument.id() + "/"
                        + expected.label(), r.inserted() + " bars from " + file.toAbsolutePath().normalize()
                        + (r.alreadyThere() > 0 ? ", " + r.alreadyThere() + " already stored" : ""));
                out.printf(Locale.ROOT, "Imported %,d bars of %s %s from %s in %.2f s%s%n", r.inserted(),
                        instrument.id(), expected.label(), file.getFileName(), seconds,
                        r.alreadyThere() > 0 ? String.format(Locale.ROOT, " (%,d already stored)", r.alreadyThere())
                                : "");
            }
            return QuantplugCli.OK;
        }
    }

    /** {@code quantplug data list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bar series in the store.")
    static final class ListSeries implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(common.verbose);
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = common.openStore()) {
                List<BarStore.SeriesInfo> series = store.bars().list();
                if (series.isEmpty()) {
                    out.println("No bars in the store (import some with 'quantplug data import FILE --timeframe TF' or"
                            + " download them with 'quantplug data download').");
                    return QuantplugCli.OK;
                }
                int w = Math.max(10, series.stream().mapToInt(s -> s.instrument().toString().length()).max()
                        .orElse(10));
                out.printf(Locale.ROOT, "%-" + w + "s  %-9s  %12s  %-20s  %-20s%n", "INSTRUMENT", "TIMEFRAME", "BARS",
                        "FIRST", "LAST");
                for (BarStore.SeriesInfo s : series) {
                    out.printf(Locale.ROOT, "%-" + w + "s  %-9s  %,12d  %-20s  %-20s%n", s.instrument(),
                            s.timeframe().label(), s.bars(), s.first(), s.last());
                }
            }
            return QuantplugCli.OK;
        }
    }

    static Timeframe parseTimeframe(String text) {
        try {
            return Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--timeframe: " + e.getMessage());
        }
    }
}
