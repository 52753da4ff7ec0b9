package io.quantplug.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration for the command line and the server, made in code instead of read from a
 * {@code logback.xml}: parsing the XML (Joran) was about 8 % of a short backtest command's time (issue 17). One
 * console appender on standard error ({@code HH:mm:ss.SSS LEVEL logger - message}); Quantplug and PF4J log errors only,
 * plugins' own loggers ({@code quantplug.*}, through {@code java.util.logging}) from INFO, everything else from WARN;
 * levels are propagated to {@code java.util.logging}, so a record logback would drop is not even created there.
 * {@code --verbose} raises the levels afterwards ({@link Logging}).
 *
 * <p>Logback finds this class through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}. It steps
 * aside, letting logback's own search run, when {@code -Dlogback.configurationFile} names a file or a
 * {@code logback-test.xml} is on the class path (tests).
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    /** The layout of a log line. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    /** Made by logback's service loader. */
    public ConsoleLogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        context.getLogger("org.pf4j").setLevel(Level.ERROR);
        context.getLogger("io.quantplug").setLevel(Level.ERROR);
        context.getLogger("quantplug").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
