package io.quantplug.runtime.plugin.testplugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A strategy provider packed into test plugin jars whose id, version label and moving-average window come from the
 * jar's {@code counter.properties}, so one class makes several plugins and several versions of one. Its strategy
 * goes long when the close is above the mean of the last {@code window} closes and flat when below, counts the bars
 * it sees, and hands its count and closes to the next version through a snapshot.
 */
public final class CounterStrategyProvider implements StrategyProvider {

    private final Properties settings = new Properties();

    /** Reads {@code counter.properties} from the jar this class was loaded from. */
    public CounterStrategyProvider() {
        try (InputStream in = CounterStrategyProvider.class.getResourceAsStream("/counter.properties")) {
            if (in == null) {
                throw new IllegalStateException("no counter.properties beside " + getClass().getName());
            }
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor(settings.getProperty("id"), "Counter",
                "Mean-of-closes trend rule that counts its bars; used to test hot swap.", ParameterSchema.empty());
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new Counter(context, Integer.parseInt(settings.getProperty("window")), settings.getProperty("version"));
    }

    private static final class Counter implements Strategy {
        private static final String FORMAT = "counter/1";
        private final StrategyContext context;
        private final int window;
        private final String version;
        private final ArrayDeque<Double> closes = new ArrayDeque<>();
        private double sum;
        private long bars;
        private boolean long_;

        Counter(StrategyContext context, int window, String version) {
            this.context = context;
            this.window = window;
            this.version = version;
        }

        @Override
        public void onBar(Bar bar) {
            bars++;
            Probe.saw(context.instanceId(), bars, version);
            add(bar.close());
            if (closes.size() < window) {
                return;
            }
            double mean = sum / window;
            if (!long_ && bar.close() > mean) {
                long_ = true;
                context.emit(Signal.of(context.instrument().id(), SignalDirection.LONG, bar.closeTimeMillis(),
                        version + " above mean"));
            } else if (long_ && bar.close() < mean) {
                long_ = false;
                context.emit(Signal.of(context.instrument().id(), SignalDirection.FLAT, bar.closeTimeMillis(),
                        version + " below mean"));
            }
        }

        private void add(double close) {
            closes.addLast(close);
            sum += close;
            while (closes.size() > window) {
                sum -= closes.removeFirst();
            }
        }

        @Override
        public StateSnapshot snapshot() {
            return new StateSnapshot(FORMAT, Map.of("bars", Long.toString(bars), "long", Boolean.toString(long_),
                    "closes", closes.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }

        @Override
        public boolean restore(StateSnapshot snapshot) {
            if (!snapshot.format().equals(FORMAT)) {
                return false;
            }
            bars = Long.parseLong(snapshot.values().get("bars"));
            long_ = Boolean.parseBoolean(snapshot.values().get("long"));
            String text = snapshot.values().get("closes");
            if (!text.isEmpty()) {
                Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).forEach(this::add);
            }
            return true;
        }
    }
}
