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
 * running sessions, SSE clients, and the JVM (memory, GC, threads, class loaders, CPU, uptime). Thread-safe.
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
