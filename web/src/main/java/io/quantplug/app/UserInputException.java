package io.quantplug.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Bad input from the user (a file, an option value): reported as one line, exit code 2. */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates one.
     *
     * @param message the one line shown to the user: what is wrong and with which file, option or field
     */
    public UserInputException(String message) {
        super(message);
    }

    /**
     * Checks that a data file given on the command line is a regular file.
     *
     * @param file the file
     * @return {@code file}
     * @throws UserInputException naming the file when it does not exist or is not a file
     */
    public static Path requireDataFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("data file " + file + " does not exist or is not a file");
        }
        return file;
    }
}
