/**
 * Volatility models for plugin authors: historical volatility estimators over OHLC bars and GARCH(1,1) fitted by
 * maximum likelihood. Depends on the API and on Commons Math (its BOBYQA optimiser fits GARCH), so a plugin bundles
 * this artifact and Commons Math in its own jar, where its plugin class loader keeps them private.
 */
module io.quantplug.sdk.volatility {
    requires transitive io.quantplug.api;
    // Commons Math 3.6.1 (its last release) declares no module name: "commons.math3" is the one the JDK derives from
    // its jar's file name, stable for that artifact. Maven warns about it, which is expected.
    requires commons.math3;

    exports io.quantplug.sdk.volatility;
}
