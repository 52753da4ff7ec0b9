/**
 * Tick and order-book data for plugin authors and the platform: {@link io.quantplug.sdk.marketdata.binance} decodes
 * Binance market-stream JSON (the binance plugin's live streams and recorded streams use this one decoder), and
 * {@link io.quantplug.sdk.marketdata} reads recorded streams, trade CSVs and book-snapshot CSVs as streams, refusing
 * a malformed line with its file, line number and reason. Depends on the SDK (the order book's input types) and on
 * jackson-core, so a plugin bundles this artifact and jackson-core in its own jar.
 */
module io.quantplug.sdk.marketdata {
    requires transitive io.quantplug.sdk;
    requires transitive com.fasterxml.jackson.core;

    exports io.quantplug.sdk.marketdata;
    exports io.quantplug.sdk.marketdata.binance;
}
