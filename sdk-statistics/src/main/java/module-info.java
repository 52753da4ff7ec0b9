/**
 * Time-series statistics for plugin authors: the augmented Dickey-Fuller unit-root test, MacKinnon's critical values,
 * the Engle-Granger cointegration test and a rolling hedge ratio for pairs trading. Depends on Commons Math (its
 * least-squares regression), so a plugin bundles this artifact and Commons Math in its own jar, where its plugin class
 * loader keeps them private.
 */
module io.quantplug.sdk.statistics {
    // Commons Math 3.6.1 (its last release) declares no module name: "commons.math3" is the one the JDK derives from
    // its jar's file name, stable for that artifact. Maven warns about it, which is expected.
    requires commons.math3;

    exports io.quantplug.sdk.statistics;
}
