package io.quantplug.app;

import io.quantplug.runtime.backtest.ExtensionRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Extension references as a user types them ({@code ID[:K=V,...]}, {@link ExtensionRef#parse}), read for the
 * command line's options and the Spark job's {@code study.yaml} keys alike, with a malformed one refused in one line
 * naming where it was given. Stateless.
 */
public final class ExtensionRefs {

    private ExtensionRefs() {
    }

    /**
     * Parses one reference.
     *
     * @param source where it was given, e.g. {@code --sizer} or {@code 'sizer'}
     * @param text   the reference
     * @return the reference, its parameters unchecked (the session checks them)
     * @throws UserInputException naming {@code source} when it is malformed
     */
    public static ExtensionRef parse(String source, String text) {
        try {
            return ExtensionRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(source + ": " + e.getMessage());
        }
    }

    /**
     * Parses several references.
     *
     * @param source where they were given
     * @param texts  the references, possibly none
     * @return the references in order
     * @throws UserInputException naming {@code source} when one is malformed
     */
    public static List<ExtensionRef> parseAll(String source, List<String> texts) {
        List<ExtensionRef> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(source, t));
        }
        return out;
    }
}
