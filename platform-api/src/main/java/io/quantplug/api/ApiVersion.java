package io.quantplug.api;

/**
 * The version of this SPI, following <a href="https://semver.org/spec/v2.0.0.html">Semantic Versioning 2.0.0</a>.
 *
 * <p>Plugins state the range they were built for in their manifest ({@code Plugin-Requires: >=0.2.0 & <0.3.0});
 * the runtime compares it with {@link #CURRENT} and refuses a plugin whose range excludes it. While the major
 * version is 0, a minor release may break compatibility, so ranges stop at the next minor version. A minor release
 * that only adds to the SPI (checked by japicmp against the earlier release's jar) says so in
 * {@link #BACKWARD_COMPATIBLE_WITH}, and the runtime also hosts plugins built for that earlier version.
 */
public final class ApiVersion {

    /** The version of the SPI in this jar, {@code MAJOR.MINOR.PATCH}. */
    public static final String CURRENT = "0.2.0";

    /**
     * The earlier SPI version this one only adds to: every type and member of 0.1.0 is here, binary and source
     * compatible (0.2.0 added multi-instrument strategies and perpetual funding as default methods and new types), so
     * a plugin whose {@code Plugin-Requires} admits 0.1.0 but not 0.2.0 still loads.
     *
     * @since 0.2.0
     */
    public static final String BACKWARD_COMPATIBLE_WITH = "0.1.0";

    private ApiVersion() {
    }
}
