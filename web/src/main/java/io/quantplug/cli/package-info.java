/**
 * The {@code quantplug} command line: {@code backtest} and {@code plugins}. Errors are one line on standard error,
 * naming the file and line, the parameter and its allowed range, or the plugin file and reason; the exit code is 2
 * for bad input, 1 for an internal failure, 3 for a run that completed with plugin faults, 4 when the database
 * cannot be reached, 5 for a broken audit chain, 6 when an exchange fails ({@code data download}). {@code --verbose} adds
 * logs and stack traces.
 */
package io.quantplug.cli;
