package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.time.InstantSource;

/**
 * What the engine's parts read of their session: the instrument traded, the session clock, the bars so far and the
 * account. Read access only; the session alone moves the clock and feeds the history, and only the order router books
 * into the account. Engine thread only.
 *
 * @param instrument the instrument traded
 * @param clock      the session clock
 * @param history    the session's recent bars, oldest first
 * @param portfolio  the account (shared by every session of a portfolio backtest)
 * @param orderIds   makes the session's client order ids (a live session's carry its run tag)
 */
record EngineView(Instrument instrument, InstantSource clock, BarWindow history, Portfolio portfolio,
                  OrderIds orderIds) {
}
