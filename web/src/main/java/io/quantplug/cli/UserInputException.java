package io.quantplug.cli;

/** Bad input from the user (a file, an option value): reported as one line, exit code 2. */
final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }
}
