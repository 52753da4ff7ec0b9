package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.book.DepthSnapshot;

import java.util.concurrent.CompletableFuture;

/**
 * Where the stream side gets REST depth snapshots ({@code GET /api/v3/depth} on spot, {@code /fapi/v1/depth} on
 * USD&#9416;-M) when a book must be (re)built. Implemented by the adapter's REST client, which owns request weight and
 * retries; {@link DepthSnapshotDecoder} turns the response body into a {@link DepthSnapshot}.
 */
public interface DepthSnapshotSource {

    /**
     * Starts fetching a snapshot. Must not block the caller (the stream thread): do the request elsewhere.
     *
     * @param symbol the symbol as Binance writes it, e.g. {@code BTCUSDT}
     * @return the snapshot when it arrives; completed exceptionally if the request failed (the caller asks again
     *         later)
     */
    CompletableFuture<DepthSnapshot> fetch(String symbol);
}
