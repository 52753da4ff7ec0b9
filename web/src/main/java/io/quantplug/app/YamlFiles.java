package io.quantplug.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the user's YAML files (a portfolio config, {@code alerts.yaml}) into records with Jackson's YAML module,
 * strictly: an unknown key, a value of the wrong type or a syntax error is refused with a message naming the file,
 * the line and column, and the key path (e.g. {@code channels[1].tokn}). Stateless; safe from any thread.
 */
public final class YamlFiles {

    private static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private YamlFiles() {
    }

    /**
     * Reads a file into a record.
     *
     * @param file the YAML file
     * @param type the record (or other Jackson-readable type) it holds
     * @param what what the file is, for the message when it is missing, e.g. {@code config file}
     * @param <T>  the type
     * @return what it says; null for an empty file
     * @throws UserInputException naming the file, and the line or the key at fault
     */
    public static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(what + " " + file + " does not exist or is not a file");
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new UserInputException(file + where(keyLocation(file, e).orElse(e.getLocation())) + ": unknown key '"
                    + path(e) + "'; allowed: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new UserInputException(file + where(e.getLocation()) + ": " + (e.getPath().isEmpty() ? ""
                    : "'" + path(e) + "': ") + "not a valid value (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                throw new UserInputException(file + " line " + (y.getProblemMark().getLine() + 1) + ", column "
                        + (y.getProblemMark().getColumn() + 1) + ": YAML syntax error: "
                        + (y.getContext() == null ? "" : y.getContext() + ", ") + firstLine(y.getProblem()));
            }
            throw new UserInputException(file + where(e.getLocation()) + ": YAML syntax error: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * Where the key of a mapping error is written: Jackson reports an unknown key of a record where the record ends,
     * so the file is read again as tokens up to the key.
     */
    private static Optional<JsonLocation> keyLocation(Path file, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().toString()
                        .equals(pointer.toString())) {
                    return Optional.of(p.currentTokenLocation());
                }
            }
        } catch (IOException ignored) {
            // the key stays without a line
        }
        return Optional.empty();
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The key path of a mapping error, e.g. {@code instruments[1].symbl}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
