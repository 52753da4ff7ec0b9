package io.quantplug.spark;

import io.quantplug.app.study.ParameterSweep;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Spark task of a study: runs the trials of a slice of the parameter sets, one after the other on the task's
 * thread, with the executor's {@link StudyContext}. The bar file and the plugin jars are
 * the job's shipped files ({@link SparkFiles}); the jars are copied once per executor JVM into a folder of their own,
 * which the plugin host opens. Serializable: the driver sends it to every task.
 */
final class TrialSlice implements FlatMapFunction<Iterator<TrialSlice.IndexedSet>, ParameterSweep.Trial> {

    private static final long serialVersionUID = 1L;
    /** The plugins folder made in this JVM for a set of shipped jars. */
    private static final Map<List<String>, Path> PLUGIN_FOLDERS = new ConcurrentHashMap<>();

    /**
     * A parameter set and its position among the study's sets.
     *
     * @param index the position
     * @param set   the strategy parameters, as typed
     */
    record IndexedSet(int index, LinkedHashMap<String, String> set) implements Serializable {
    }

    private final StudySpec spec;
    private final String dataFile;
    private final List<String> jars;

    /**
     * A task's function.
     *
     * @param spec     the study
     * @param dataFile the shipped bar file's name
     * @param jars     the shipped plugin jars' names
     */
    TrialSlice(StudySpec spec, String dataFile, List<String> jars) {
        this.spec = spec;
        this.dataFile = dataFile;
        this.jars = List.copyOf(jars);
    }

    @Override
    public Iterator<ParameterSweep.Trial> call(Iterator<IndexedSet> slice) {
        Path plugins = PLUGIN_FOLDERS.computeIfAbsent(jars, TrialSlice::pluginFolder);
        ParameterSweep sweep = StudyContext.of(spec, Path.of(SparkFiles.get(dataFile)), plugins).sweep(spec);
        List<ParameterSweep.Trial> trials = new ArrayList<>();
        while (slice.hasNext()) {
            IndexedSet next = slice.next();
            trials.add(sweep.trial(next.index(), next.set()));
        }
        return trials.iterator();
    }

    private static Path pluginFolder(List<String> jars) {
        try {
            Path folder = Files.createTempDirectory("quantplug-plugins-");
            for (String jar : jars) {
                Files.copy(Path.of(SparkFiles.get(jar)), folder.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the shipped plugin jars", e);
        }
    }
}
