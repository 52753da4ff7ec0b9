/**
 * Read-only views of the account as the engine keeps it: cash, positions, realised and unrealised profit and loss,
 * all exact decimals in the account currency (the quote asset).
 *
 * <pre>{@code
 * PositionView pos = ctx.portfolio().position(ctx.instrument().id());
 * if (pos.isFlat() && ctx.portfolio().cash().signum() > 0) { ... }
 * }</pre>
 */
package io.quantplug.api.portfolio;
