package io.quantplug.runtime.plugin.testplugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the test strategies saw, for the tests to read. Never packed into a test plugin jar: a plugin's class loader
 * finds it on the test class path, so plugin and test share this one class. Holds JDK types only.
 */
public final class Probe {

    private static final Map<String, Long> BARS_SEEN = new ConcurrentHashMap<>();
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();

    private Probe() {
    }

    /**
     * Records how many bars an instance has seen so far, and the version that saw the last. Public: the strategy
     * calling it is in another class loader, so another runtime package.
     *
     * @param instanceId the instance
     * @param bars       bars seen so far
     * @param version    the version label of the strategy that saw the last
     */
    public static void saw(String instanceId, long bars, String version) {
        BARS_SEEN.put(instanceId, bars);
        VERSIONS.put(instanceId, version);
    }

    /**
     * Bars seen by an instance, across its versions.
     *
     * @param instanceId the instance
     * @return the count, or 0
     */
    public static long barsSeen(String instanceId) {
        return BARS_SEEN.getOrDefault(instanceId, 0L);
    }

    /**
     * The version of the instance that saw the last bar.
     *
     * @param instanceId the instance
     * @return the version label, or null
     */
    public static String lastVersion(String instanceId) {
        return VERSIONS.get(instanceId);
    }

    /**
     * Counts one occurrence of something. Public: the caller is in a plugin's class loader.
     *
     * @param key what happened, e.g. {@code "guard 1.0.0 check"}
     */
    public static void count(String key) {
        COUNTS.merge(key, 1L, Long::sum);
    }

    /**
     * How often something was {@linkplain #count counted}.
     *
     * @param key what
     * @return the count, or 0
     */
    public static long counted(String key) {
        return COUNTS.getOrDefault(key, 0L);
    }

    /** Forgets everything. */
    public static void clear() {
        BARS_SEEN.clear();
        VERSIONS.clear();
        COUNTS.clear();
    }
}
