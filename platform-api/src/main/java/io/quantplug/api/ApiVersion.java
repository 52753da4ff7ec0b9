package io.quantplug.api;

/**
 * The version of this SPI, following <a href="https://semver.org/spec/v2.0.0.html">Semantic Versioning 2.0.0</a>.
 *
 * <p>Plugins state the range they were built for in their manifest ({@code Plugin-Requires: >=0.1.0 & <0.2.0});
 * the runtime compares it with {@link #CURRENT} and refuses a plugin whose range excludes it. While the major
 * version is 0, a minor release may break compatibility, so ranges should stop at the next minor version.
 */
public final class ApiVersion {

    /** The version of the SPI in this jar, {@code MAJOR.MINOR.PATCH}. */
    public static final String CURRENT = "0.1.0";

    private ApiVersion() {
    }
}
