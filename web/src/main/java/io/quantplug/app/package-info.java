/**
 * The application layer the command line ({@code io.quantplug.cli}) and the server ({@code io.quantplug.web}) share:
 * what both plan from a user's input — an instrument from a bar file and options ({@link
 * io.quantplug.app.InstrumentResolver}), a portfolio from its YAML or JSON description ({@link
 * io.quantplug.app.PortfolioFile}, {@link io.quantplug.app.PortfolioBooks}) — and the one exception for bad input
 * ({@link io.quantplug.app.UserInputException}). Neither front end imports the other's planning: the command line
 * depends on the server only to start it ({@code quantplug serve}).
 *
 * <pre>{@code
 * PortfolioFile file = PortfolioFile.read(Path.of("examples/ten-pairs.yaml"));   // UserInputException names the line
 * }</pre>
 */
package io.quantplug.app;
