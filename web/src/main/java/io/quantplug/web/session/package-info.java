/**
 * What the server runs: backtest jobs ({@link io.quantplug.web.session.BacktestJobs}) and paper strategy instances
 * replaying stored bars at a chosen speed ({@link io.quantplug.web.session.PaperInstances}), both stored as runs,
 * both streaming their orders, fills, P&amp;L and risk events to the {@link io.quantplug.web.EventHub}; the data
 * they read ({@link io.quantplug.web.session.DataSets}); and the global kill switch
 * ({@link io.quantplug.web.session.KillSwitch}).
 */
package io.quantplug.web.session;
