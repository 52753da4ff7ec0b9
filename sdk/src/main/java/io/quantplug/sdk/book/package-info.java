/**
 * Level-2 order books for market data: {@link io.quantplug.sdk.book.OrderBook} (price levels in primitive arrays,
 * no allocation per update), {@link io.quantplug.sdk.book.TopLevels} (a reusable top-N view) and
 * {@link io.quantplug.sdk.book.DepthSequencer}, which keeps a book in step with a venue's snapshot plus diff-depth
 * stream and says when a resync is needed ({@link io.quantplug.sdk.book.SequenceRule}: Binance spot and futures).
 * Exchange adapters use them live; a tick/L2 replay uses them on recordings.
 *
 * <pre>{@code
 * OrderBook book = new OrderBook();
 * DepthSequencer sequencer = new DepthSequencer(SequenceRule.SPOT, book, 1_000);
 * TopLevels top = new TopLevels(10);
 * // for each decoded diff-depth event (one reused DepthUpdate):
 * switch (sequencer.accept(update)) {
 *     case APPLIED -> { book.copyTop(top); use(top); }
 *     case GAP -> requestSnapshot();          // later, on this thread: sequencer.onSnapshot(snapshot)
 *     default -> { }                          // BUFFERED or DROPPED: the book did not change
 * }
 * }</pre>
 *
 * Not thread-safe: one thread owns a book, its sequencer and its views.
 */
package io.quantplug.sdk.book;
