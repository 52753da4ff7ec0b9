/**
 * A small, versioned text codec for the state a strategy, enhancement or risk rule hands to its next version in a
 * hot swap ({@link io.quantplug.api.StateSnapshot}, from {@code snapshot()} to {@code restore()}).
 *
 * <p>The encoding, codec version 1:
 * <ul>
 *   <li>{@code StateSnapshot.format()} is {@code <layout>/<version>}: the plugin's name for the layout of its state
 *       (letters, digits, {@code . _ -}) and a layout version &ge; 1 that the plugin raises whenever its keys or
 *       their meaning change. A reader opened for another layout or version refuses the snapshot.</li>
 *   <li>{@code StateSnapshot.values()} maps keys (letters, digits, {@code . _ -}) to text. The key
 *       {@code sdk.codec} holds the codec version ({@code "1"}); keys starting with {@code sdk.} are reserved.</li>
 *   <li>A whole number is its decimal text ({@link java.lang.Long#toString(long)}); a real number is
 *       {@link java.lang.Double#toString(double)}, which round-trips every value exactly, {@code NaN} and
 *       {@code Infinity} included; text is stored as it is; an array is its elements joined by {@code ','}, the
 *       empty array being the empty text.</li>
 * </ul>
 * Text was chosen over binary because {@code StateSnapshot} carries text, and a snapshot stays readable in logs.
 *
 * <pre>{@code
 * public StateSnapshot snapshot() {
 *     return new SnapshotWriter("sma-crossover", 1).putLong("position", position).putDouble("entry", entry)
 *             .toSnapshot();
 * }
 *
 * public boolean restore(StateSnapshot snapshot) {
 *     if (!SnapshotReader.canRead(snapshot, "sma-crossover", 1)) {
 *         return false;                              // another layout: start fresh
 *     }
 *     SnapshotReader in = new SnapshotReader(snapshot, "sma-crossover", 1);
 *     position = in.getLong("position");         // SnapshotFormatException names a missing or bad key
 *     entry = in.getDouble("entry");
 *     return true;
 * }
 * }</pre>
 */
package io.quantplug.sdk.snapshot;
