/**
 * The Quantplug SDK: streaming indicators and building blocks for plugin authors. Depends only on the API.
 */
module io.quantplug.sdk {
    requires transitive io.quantplug.api;

    exports io.quantplug.sdk.bar;
    exports io.quantplug.sdk.book;
    exports io.quantplug.sdk.execution;
    exports io.quantplug.sdk.indicator;
    exports io.quantplug.sdk.orderflow;
    exports io.quantplug.sdk.snapshot;
}
