package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.api.ApiVersion;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.store.StoreUnavailableException;
import io.quantplug.sdk.marketdata.MarketDataFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code quantplug} command. {@link #run} is the testable entry point; {@link #main} exits with its code.
 */
@Command(name = "quantplug", mixinStandardHelpOptions = true, versionProvider = QuantplugCli.Version.class,
        description = "Quantplug: a trading platform whose every trading idea is a plugin.")
public final class QuantplugCli {

    /**
     * The subcommands, by name, in the order help lists them. Picocli builds a command's model (reflection over its
     * options and mixins) when it is added; {@link #commandLine} adds only the one the arguments name.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(BacktestCommand.class, OptimizeCommand.class,
            PaperCommand.class, LiveCommand.class, ServeCommand.class, AnalyzeCommand.class, PluginsCommand.class,
            DataCommand.class, RunsCommand.class, MonteCarloCommand.class, StressCommand.class, AuditCommand.class,
            AlertsCommand.class, BookCommand.class, RecordCommand.class, CommandLine.HelpCommand.class);

    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of an internal failure (a bug). */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code of bad input: a missing or malformed file, an unknown id, a parameter out of range, a bad plugin. */
    public static final int BAD_INPUT = 2;
    /** Exit code of a run that completed but in which a plugin callback failed. */
    public static final int PLUGIN_FAULT = 3;
    /** Exit code when the database cannot be reached or prepared. */
    public static final int STORE_UNAVAILABLE = 4;
    /** Exit code of {@code audit verify} when the audit log's hash chain is broken. */
    public static final int AUDIT_BROKEN = 5;
    /** Exit code when an exchange cannot be reached or answers with an error ({@code data download}). */
    public static final int EXCHANGE_UNAVAILABLE = 6;
    /** Exit code of {@code alerts test} when a channel did not accept the test alert. */
    public static final int ALERT_NOT_DELIVERED = 7;
    /** Exit code of {@code book --verify} when the book disagreed with a bookTicker, or nothing could be checked. */
    public static final int BOOK_NOT_VERIFIED = 8;

    private QuantplugCli() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean verbose = parseResult.expandedArgs().contains("--verbose");
            PrintWriter e = c.getErr();
            if (ex instanceof StoreUnavailableException) {
                e.println("quantplug: error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(e);
                }
                return STORE_UNAVAILABLE;
            }
            if (isBadInput(ex)) {
                e.println("quantplug: error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(e);
                }
                return BAD_INPUT;
            }
            e.println("quantplug: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(e);
            }
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * The command line for some arguments: with only the subcommand their first argument names, which is all picocli
     * needs to parse and run them (a subcommand's options follow its name), or with every subcommand when the first
     * argument names none (help, the version, a mistyped name: picocli lists them all or suggests one).
     *
     * @param args the arguments
     * @return the command line
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(QuantplugCli.class);
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null && named != CommandLine.HelpCommand.class) {
            cli.addSubcommand(args[0], named);
        } else {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        return cli;
    }

    private static Map<String, Class<?>> subcommands(Class<?>... commands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : commands) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(byName);
    }

    private static boolean isBadInput(Exception ex) {
        return ex instanceof UserInputException || ex instanceof QuantplugException
                || ex instanceof InvalidParameterException || ex instanceof MarketDataFileException;
    }

    /** Reports the build and API versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = QuantplugCli.class.getPackage().getImplementationVersion();
            return new String[] {"quantplug " + (v == null ? "(development build)" : v) + ", API " + ApiVersion.CURRENT};
        }
    }
}
