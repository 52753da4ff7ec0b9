package io.quantplug.runtime.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quantplug.runtime.QuantplugException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link ResultDocument}s as JSON: ISO-8601 times and durations, decimals in plain notation,
 * pretty-printed. The mapper serialises only runtime DTOs, never plugin classes, so it keeps no plugin class
 * loader alive. Thread-safe.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ResultJson() {
    }

    /**
     * The configured mapper, for embedding the document in other JSON.
     *
     * @return the shared mapper (do not reconfigure it)
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serialises a document.
     *
     * @param document the document
     * @return the JSON text
     */
    public static String toJson(ResultDocument document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (IOException e) {
            throw new QuantplugException("cannot serialise the result: " + e.getMessage(), e);
        }
    }

    /**
     * Serialises a portfolio backtest's document.
     *
     * @param document the document
     * @return the JSON text
     */
    public static String toJson(PortfolioDocument document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (IOException e) {
            throw new QuantplugException("cannot serialise the result: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a document to a file atomically (a temporary file, then a rename).
     *
     * @param document the document
     * @param file     the target, e.g. {@code out/result.json}
     * @throws QuantplugException when the file cannot be written
     */
    public static void write(ResultDocument document, Path file) {
        writeAtomically(file, toJson(document));
    }

    /**
     * Writes a portfolio backtest's document to a file atomically (a temporary file, then a rename).
     *
     * @param document the document
     * @param file     the target, e.g. {@code out/result.json}
     * @throws QuantplugException when the file cannot be written
     */
    public static void write(PortfolioDocument document, Path file) {
        writeAtomically(file, toJson(document));
    }

    /**
     * Reads a document.
     *
     * @param file a {@code result.json}
     * @return the document
     * @throws QuantplugException when the file cannot be read or is not a result document
     */
    public static ResultDocument read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ResultDocument.class);
        } catch (IOException e) {
            throw new QuantplugException(file + ": not a readable result document: " + e.getMessage(), e);
        }
    }

    static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new QuantplugException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
