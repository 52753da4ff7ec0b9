package io.quantplug.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Raises log levels for {@code --verbose}; by default only errors of Quantplug and PF4J are logged. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        // initialise logging here, on the main thread: initialised by two threads at once (e.g. the store opening
        // in the background), SLF4J prints a warning about replayed calls
        var factory = LoggerFactory.getILoggerFactory();
        if (!verbose) {
            return;
        }
        if (factory instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            ctx.getLogger("io.quantplug").setLevel(Level.DEBUG);
            ctx.getLogger("org.pf4j").setLevel(Level.INFO);
        }
    }
}
