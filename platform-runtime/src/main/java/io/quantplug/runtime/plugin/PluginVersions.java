package io.quantplug.runtime.plugin;

import org.pf4j.DefaultVersionManager;

/**
 * Compares {@code Plugin-Version}s as Semantic Versioning 2.0.0 does (PF4J's version manager: {@code 1.0.10} is
 * newer than {@code 1.0.9}, {@code 1.1.0-rc.1} older than {@code 1.1.0}). A version that is not SemVer is compared
 * as not newer, so an unreadable version never replaces a running build by itself. Stateless.
 */
final class PluginVersions {

    private static final DefaultVersionManager SEMVER = new DefaultVersionManager();

    private PluginVersions() {
    }

    /**
     * Whether {@code candidate} is strictly older than {@code running}.
     *
     * @param candidate the new build's version
     * @param running   the running build's version
     * @return true when older; false when newer, equal or not comparable
     */
    static boolean isOlder(String candidate, String running) {
        try {
            return SEMVER.compareVersions(candidate, running) < 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Why {@code candidate} is no upgrade of {@code running}, or null when it is newer.
     *
     * @param candidate the new build's version
     * @param running   the running build's version
     * @return e.g. {@code "version 1.0.0 is not newer than the running 1.0.1"}, or null
     */
    static String notNewer(String candidate, String running) {
        try {
            if (SEMVER.compareVersions(candidate, running) > 0) {
                return null;
            }
        } catch (RuntimeException e) {
            return "version " + candidate + " cannot be compared with the running " + running + ": "
                    + e.getMessage();
        }
        return "version " + candidate + " is not newer than the running " + running;
    }
}
