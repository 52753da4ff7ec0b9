/**
 * The Quantplug runtime: plugin host, event engine, simulated venue, portfolio accounting, store, analytics and
 * reports, and the {@link io.quantplug.runtime.Platform} facade for embedding.
 *
 * <p>Exports every package but {@code io.quantplug.runtime.internal.*} (the engine, the simulated venue and the
 * portfolio), which an application reaches only through the exported API: {@link io.quantplug.runtime.backtest}
 * ({@code Backtester.open} gives a running session), {@link io.quantplug.runtime.session} and the facade. The
 * migration folders are opened to Flyway, which reads their scripts and instantiates their Java migrations.
 */
module io.quantplug.runtime {
    requires transitive io.quantplug.api;
    requires transitive org.slf4j;
    requires pf4j;
    requires transitive java.sql;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires de.siegmar.fastcsv;
    requires org.apache.commons.statistics.descriptive;
    // Commons Math 3.6.1 declares no module name; "commons.math3" is the one the JDK derives from its jar's name
    requires commons.math3;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires com.h2database;
    requires org.postgresql.jdbc;

    exports io.quantplug.runtime;
    exports io.quantplug.runtime.analytics;
    exports io.quantplug.runtime.backtest;
    exports io.quantplug.runtime.data;
    exports io.quantplug.runtime.instrument;
    exports io.quantplug.runtime.margin;
    exports io.quantplug.runtime.plugin;
    exports io.quantplug.runtime.report;
    exports io.quantplug.runtime.session;
    exports io.quantplug.runtime.store;

    opens db.migration.common;
    opens db.migration.h2;
    opens db.migration.postgresql;
    opens io.quantplug.runtime.report to com.fasterxml.jackson.databind;

    uses io.quantplug.api.strategy.StrategyProvider;
    uses io.quantplug.api.enhancement.EnhancementProvider;
    uses io.quantplug.api.risk.RiskRuleProvider;
    uses io.quantplug.api.exchange.ExchangeAdapterProvider;
}
