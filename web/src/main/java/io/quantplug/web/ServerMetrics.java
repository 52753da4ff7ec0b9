package io.quantplug.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginStatus;
import java.util.function.IntSupplier;

/**
 * The server's meters, scraped as Prometheus text at {@code GET /metrics} (Micrometer): market events processed
 * ({@code quantplug_events_total}; its rate is events/s), orders submitted, fills, risk rejections, plugins by state,
 * running sessions, SSE clients, each instance's trading gauges ({@link #instance}), and the JVM (memory, GC, threads,
 * class loaders, CPU, uptime). Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter events;
    private final Counter orders;
    private final Counter fills;
    private final Counter riskRejections;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * Creates the meters.
     *
     * @param host     whose plugins are counted by state
     * @param sessions how many sessions (backtests and paper instances) run now
     * @param clients  how many event-stream clients are connected
     */
    public ServerMetrics(PluginHost host, IntSupplier sessions, IntSupplier clients) {
        events = Counter.builder("quantplug.events").description("Market events (bars) processed by sessions")
                .register(registry);
        orders = Counter.builder("quantplug.orders").description("Orders submitted to a venue").register(registry);
        fills = Counter.builder("quantplug.fills").description("Fills").register(registry);
        riskRejections = Counter.builder("quantplug.risk.rejections").description("Orders rejected by a risk rule")
                .register(registry);
        for (PluginStatus status : PluginStatus.values()) {
            Gauge.builder("quantplug.plugins", host, h -> h.plugins().stream()
                            .filter(p -> p.status() == status).count())
                    .description("Plugins by state").tag("state", status.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("quantplug.sessions.running", sessions::getAsInt).description("Sessions running now")
                .register(registry);
        Gauge.builder("quantplug.events.clients", clients::getAsInt).description("Connected event-stream clients")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Counts processed market events.
     *
     * @param n how many
     */
    public void events(long n) {
        events.increment(n);
    }

    /** Counts a submitted order. */
    public void order() {
        orders.increment();
    }

    /** Counts a fill. */
    public void fill() {
        fills.increment();
    }

    /** Counts a risk rejection. */
    public void riskRejection() {
        riskRejections.increment();
    }

    /**
     * What the trading gauges of one instance read, when scraped; NaN for what does not apply (the connection and the
     * event lag of a replay, everything before the first run).
     */
    public interface InstanceReadings {
        /** @return equity after the last bar, quote asset */
        double equity();

        /** @return position, base units */
        double position();

        /** @return realised plus unrealised P&amp;L at the last close, quote asset, fees not included */
        double pnl();

        /** @return largest fall of the equity from its running peak, a fraction */
        double drawdown();

        /** @return orders in the current run */
        double orders();

        /** @return fills in the current run */
        double fills();

        /** @return 1 when the exchange connection is up, 0 when down */
        double connected();

        /** @return seconds between an exchange bar's close and the engine taking it */
        double eventLagSeconds();
    }

    /**
     * Registers the trading gauges of an instance ({@code quantplug_instance_equity}, {@code _position},
     * {@code _pnl}, {@code _drawdown}, {@code _orders}, {@code _fills}, {@code _connected},
     * {@code _event_lag_seconds}), tagged {@code instance=ID}, read from {@code readings} when scraped.
     *
     * @param id       the instance id
     * @param readings what the gauges read (kept by the registry)
     */
    public void instance(long id, InstanceReadings readings) {
        String tag = Long.toString(id);
        gauge("quantplug.instance.equity", "Equity after the last bar, quote asset", tag, readings,
                InstanceReadings::equity);
        gauge("quantplug.instance.position", "Position, base units", tag, readings, InstanceReadings::position);
        gauge("quantplug.instance.pnl", "P&L at the last close, quote asset, before fees", tag, readings,
                InstanceReadings::pnl);
        gauge("quantplug.instance.drawdown", "Largest fall from the running equity peak, fraction", tag, readings,
                InstanceReadings::drawdown);
        gauge("quantplug.instance.orders", "Orders in the current run", tag, readings, InstanceReadings::orders);
        gauge("quantplug.instance.fills", "Fills in the current run", tag, readings, InstanceReadings::fills);
        gauge("quantplug.instance.connected", "1 when the exchange connection is up", tag, readings,
                InstanceReadings::connected);
        gauge("quantplug.instance.event.lag.seconds", "Exchange bar close to the engine taking it, seconds", tag,
                readings, InstanceReadings::eventLagSeconds);
    }

    private void gauge(String name, String description, String instance, InstanceReadings readings,
                       java.util.function.ToDoubleFunction<InstanceReadings> read) {
        Gauge.builder(name, readings, read).description(description).tag("instance", instance)
                .strongReference(true).register(registry);
    }

    /**
     * The Prometheus text exposition.
     *
     * @return the text
     */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
