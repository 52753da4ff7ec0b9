package io.quantplug.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up logging for a command: everything goes through logback's one-line pattern
 * ({@link ConsoleLogConfigurator}). Plugins log through {@code System.Logger} (their context's {@code logger()}),
 * which the JDK backs with {@code java.util.logging}, and some libraries they bundle (Tribuo) log through {@code java.util.logging} directly;
 * its console handler would print each record on two lines, so it is replaced by SLF4J's bridge. By default only
 * errors of Quantplug and PF4J, and plugin messages from INFO up, are logged; {@code --verbose} raises the levels.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        // initialise logging here, on the main thread: initialised by two threads at once (e.g. the store opening
        // in the background), SLF4J prints a warning about replayed calls
        var factory = LoggerFactory.getILoggerFactory();
        routeJavaUtilLogging();
        if (!verbose) {
            return;
        }
        if (factory instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            ctx.getLogger("io.quantplug").setLevel(Level.DEBUG);
            ctx.getLogger("quantplug").setLevel(Level.DEBUG);
            ctx.getLogger("org.pf4j").setLevel(Level.INFO);
        }
    }

    /** Replaces the JDK's two-line console handler by the bridge to SLF4J; once per JVM. */
    private static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
