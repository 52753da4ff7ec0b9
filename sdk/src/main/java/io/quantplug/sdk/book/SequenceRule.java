package io.quantplug.sdk.book;

/**
 * How a venue's diff-depth events chain to a REST snapshot and to each other: the two variants of Binance's
 * "How to manage a local order book correctly" procedure.
 *
 * <p>Sources: Binance Spot API, WebSocket Streams, "Diff. Depth Stream" and "How to manage a local order book
 * correctly" (https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams); Binance USD&#9416;-M
 * Futures, WebSocket Market Streams, "How to manage a local order book correctly"
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/How-to-manage-a-local-order-book-correctly);
 * the COIN-M futures page of the same name states the same rules. {@code L} below is the snapshot's
 * {@code lastUpdateId}, {@code U}/{@code u}/{@code pu} the event's first, final and previous-final update ids.
 */
public enum SequenceRule {

    /**
     * Spot: an event with {@code u <= L} is stale; the first event applied must satisfy
     * {@code U <= L + 1 <= u}; every later event must continue the previous one exactly:
     * {@code U == previous u + 1}.
     */
    SPOT {
        @Override
        boolean stale(DepthUpdate d, long snapshotId) {
            return d.finalUpdateId() <= snapshotId;
        }

        @Override
        boolean bridges(DepthUpdate d, long snapshotId) {
            return d.firstUpdateId() <= snapshotId + 1 && snapshotId + 1 <= d.finalUpdateId();
        }

        @Override
        boolean continues(DepthUpdate d, long previousFinal) {
            return d.firstUpdateId() == previousFinal + 1;
        }
    },

    /**
     * USD&#9416;-M and COIN-M futures: an event with {@code u < L} is stale; the first event applied must satisfy
     * {@code U <= L <= u}; every later event must name the previous one: {@code pu == previous u}.
     */
    FUTURES {
        @Override
        boolean stale(DepthUpdate d, long snapshotId) {
            return d.finalUpdateId() < snapshotId;
        }

        @Override
        boolean bridges(DepthUpdate d, long snapshotId) {
            return d.firstUpdateId() <= snapshotId && snapshotId <= d.finalUpdateId();
        }

        @Override
        boolean continues(DepthUpdate d, long previousFinal) {
            return d.previousFinalUpdateId() == previousFinal;
        }
    };

    /**
     * Whether an event is older than a snapshot and must be dropped.
     *
     * @param d          the event
     * @param snapshotId the snapshot's {@code lastUpdateId}
     * @return true to drop it
     */
    abstract boolean stale(DepthUpdate d, long snapshotId);

    /**
     * Whether an event may be the first applied on top of a snapshot.
     *
     * @param d          the event
     * @param snapshotId the snapshot's {@code lastUpdateId}
     * @return true if its id range covers the snapshot as the rule requires
     */
    abstract boolean bridges(DepthUpdate d, long snapshotId);

    /**
     * Whether an event directly follows the last applied one.
     *
     * @param d             the event
     * @param previousFinal {@code u} of the last applied event
     * @return true if no update is missing between them
     */
    abstract boolean continues(DepthUpdate d, long previousFinal);
}
