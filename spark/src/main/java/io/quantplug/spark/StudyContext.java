package io.quantplug.spark;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.app.TickFileCache;
import io.quantplug.app.UserInputException;
import io.quantplug.app.study.ParameterSweep;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the trials of a study need in one JVM: the plugins started by the platform's {@link PluginHost} (the host
 * {@code quantplug optimize} opens), and the bars read once and shared read-only by every trial.
 *
 * <p>Opening plugins and parsing bars costs far more than a task's bookkeeping, so an executor opens them once per
 * study and keeps them in a per-JVM cache ({@link #of}) for every task it runs: a Spark executor is a JVM that runs
 * tasks of many stages with no hook of its own, and a static cache is the usual place for such per-executor state.
 * The hosts are closed when the JVM exits. Thread-safe: the tasks of one executor share a context.
 *
 * @param host       the started plugins
 * @param loaded     the bars and the report of reading them
 * @param instrument their instrument
 * @param bars       the bars as the sessions replay them
 */
public record StudyContext(PluginHost host, LoadedBars loaded, Instrument instrument, List<Bar> bars) {

    private static final Map<Key, StudyContext> OPEN = new ConcurrentHashMap<>();

    private record Key(StudySpec spec, Path data, Path plugins) {
    }

    /**
     * The context of a study in this JVM, opened on first use.
     *
     * @param spec    the study
     * @param data    the bar file as this JVM sees it
     * @param plugins the plugins folder as this JVM sees it
     * @return the context, shared by every caller with the same arguments
     * @throws UserInputException when a plugin jar is refused or the bars cannot be read
     */
    public static StudyContext of(StudySpec spec, Path data, Path plugins) {
        return OPEN.computeIfAbsent(new Key(spec, data, plugins), k -> open(spec, data, plugins));
    }

    private static StudyContext open(StudySpec spec, Path data, Path plugins) {
        UserInputException.requireDataFile(data);
        if (TickFileCache.isTicks(data)) {
            throw new UserInputException(data.getFileName() + " is a recording; a study takes bar files");
        }
        if (!Files.isDirectory(plugins)) {
            throw new UserInputException("'plugins': " + plugins + " is not a folder of plugin jars");
        }
        LoadedBars loaded = new BarFileReader().read(data);
        Instrument instrument = InstrumentResolver.resolve(spec.symbol(), spec.venue(), data, loaded.series(),
                spec.tickSize(), spec.lotSize(), spec.minNotional());
        PluginHost host = PluginHost.open(plugins);
        List<PluginInfo> problems = host.problems();
        if (!problems.isEmpty()) {
            PluginInfo p = problems.get(0);
            host.close();
            throw new UserInputException("plugin " + p.file() + " " + p.status().name().toLowerCase() + ": "
                    + p.problem());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "quantplug-plugins-close"));
        return new StudyContext(host, loaded, instrument, List.copyOf(loaded.series().asBars(instrument.id())));
    }

    /**
     * The sweep that runs this study's trials here, one at a time on the calling thread.
     *
     * @param spec the study
     * @return the sweep, as {@code optimize} makes it
     */
    public ParameterSweep sweep(StudySpec spec) {
        return new ParameterSweep(new Backtester(host.catalog()), set -> spec.config(instrument, set),
                loaded.series().timeframe(), bars, spec.warmupBars(), 1, spec.pboBlocks());
    }
}
