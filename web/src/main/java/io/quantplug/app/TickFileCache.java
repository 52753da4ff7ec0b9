package io.quantplug.app;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.runtime.data.FileStamp;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where recordings are imported once into their compact copies ({@link TickFile}) and replayed from: a folder of
 * copies, one per recording path, each used only while the recording has the same {@link FileStamp} (path, size,
 * modification time, CRC-32C) as when it was imported. A missing, stale or damaged copy means a new import; a
 * copy that cannot be written means a replay of the JSON itself, logged. Deleting the folder is always safe.
 */
public final class TickFileCache {

    private static final Logger LOG = LoggerFactory.getLogger(TickFileCache.class);

    private final Path directory;

    /**
     * A cache over a folder, created with the first copy.
     *
     * @param directory e.g. {@code ~/.quantplug/cache/ticks}
     */
    TickFileCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    /**
     * The events of a recording's JSON, of a Tardis trades or book snapshot CSV, or of a Binance depth CSV, parsed as
     * they are read.
     *
     * @param file the recording or CSV
     * @return its events
     */
    static MarketEvents json(Path file) {
        if (TradeCsvEvents.isTradeCsv(file)) {
            return new TradeCsvEvents(file);
        }
        if (BookSnapshotCsvEvents.isBookSnapshotCsv(file)) {
            return new BookSnapshotCsvEvents(file);
        }
        if (BinanceDepthCsvEvents.isDepthCsv(file)) {
            return new BinanceDepthCsvEvents(file);
        }
        return new RecordedEvents(BinanceRecordingReader.open(List.of(file), new JsonFactory()));
    }

    /**
     * Whether a file replays as ticks: a recorded Binance stream, a Tardis trades or book snapshot CSV, or a Binance
     * depth CSV.
     *
     * @param file the file
     * @return true when it does
     */
    public static boolean isTicks(Path file) {
        return BinanceRecordingReader.isRecording(file) || TradeCsvEvents.isTradeCsv(file)
                || BookSnapshotCsvEvents.isBookSnapshotCsv(file) || BinanceDepthCsvEvents.isDepthCsv(file);
    }

    /**
     * The events of a recording, from its compact copy, importing it first when the copy is missing or stale.
     *
     * @param file the recording
     * @return its events
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the recording is malformed (file and line):
     *                                                             nothing is imported
     */
    MarketEvents open(Path file) {
        FileStamp stamp = FileStamp.of(file);
        if (stamp == null) {
            return json(file); // its reader says what is wrong with the file
        }
        Path copy = directory.resolve(stamp.key() + ".ticks");
        MarketEvents hit = existing(copy, stamp, file);
        if (hit != null) {
            return hit;
        }
        try (MarketEvents source = json(file)) {
            TickFile.write(source, stamp, copy);
        } catch (IOException e) {
            LOG.warn("could not import {} into {}; replaying its JSON: {}", file, directory, e.toString());
            return json(file);
        }
        try {
            return Objects.requireNonNull(TickFile.open(copy, stamp, file), "the copy just written");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + copy + ", just written", e);
        }
    }

    private static MarketEvents existing(Path copy, FileStamp stamp, Path file) {
        if (!Files.isRegularFile(copy)) {
            return null;
        }
        try {
            return TickFile.open(copy, stamp, file);
        } catch (IOException | RuntimeException e) {
            LOG.debug("tick copy {} unreadable, importing {} again: {}", copy, file, e.toString());
            return null;
        }
    }
}
