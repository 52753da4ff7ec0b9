/**
 * Bar storage for plugins: {@link io.quantplug.sdk.bar.BarRingBuffer} keeps the newest bars of a series in
 * primitive arrays, with O(1) append and O(1) access by age, and writes itself into a state snapshot for hot swap.
 *
 * <pre>{@code
 * BarRingBuffer bars = new BarRingBuffer(200);
 * // in onBar:
 * bars.append(bar);
 * if (bars.size() > 20) {
 *     double change = bars.close(0) - bars.close(20);   // now against 20 bars ago
 * }
 * // in snapshot() / restore():
 * SnapshotWriter out = new SnapshotWriter("my-strategy", 1);
 * bars.writeTo(out, "bars");
 * ...
 * fresh.readFrom(new SnapshotReader(snapshot, "my-strategy", 1), "bars");
 * }</pre>
 *
 * Not thread-safe; a plugin uses a buffer from its engine-thread callbacks only.
 */
package io.quantplug.sdk.bar;
