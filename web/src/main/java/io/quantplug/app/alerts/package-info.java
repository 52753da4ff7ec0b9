/**
 * Alerts: notifications to people about what needs them in a running session — circuit-breaker trips, exchange
 * disconnects longer than a threshold, reconciliation differences, rejected orders and plugin faults — sent to the
 * channels of {@code alerts.yaml} in the Quantplug home (a generic webhook, Telegram, Slack, e-mail), each with its
 * kinds filter and rate limits, off the engine thread.
 *
 * <pre>{@code
 * Path file = home.resolve(AlertsFile.FILE_NAME);
 * try (AlertDispatcher alerts = AlertsFile.read(file).openDispatcher(file, System.getenv(), Clock.systemUTC())) {
 *     SessionListener listener = new AlertingListener(alerts, "paper sma-crossover BTCUSDT 1m", "BTCUSDT.BINANCE",
 *             next);
 *     // run the session with the listener
 * }
 * }</pre>
 */
package io.quantplug.app.alerts;
