package io.quantplug.runtime.plugin;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.testplugin.Probe;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.quantplug.runtime.plugin.TestJars.counterJar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hundred load, start, use, stop and unload cycles of one real plugin jar leave nothing behind: every class loader
 * is collected, no plugin jar stays open, and the heap after a full collection does not grow.
 */
class PluginLeakTest {

    private static final int CYCLES = 100;
    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(ID, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    @TempDir
    Path dir;
    @TempDir
    Path jars;

    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc/self/fd
    void aHundredCyclesLeaveNoClassLoaderNoOpenJarAndAFlatHeap() throws IOException, InterruptedException {
        Path jar = counterJar(jars.resolve("alpha.jar"), "alpha", "1.0.0", 5);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long heapAfterTen = 0;
        try (PluginHost host = PluginHost.open(dir)) {
            for (int i = 1; i <= CYCLES; i++) {
                assertThat(host.load(jar).status()).isEqualTo(PluginStatus.STARTED);
                StrategyProvider provider = host.catalog().strategy("alpha").orElseThrow();
                loaders.add(new WeakReference<>(provider.getClass().getClassLoader()));
                use(provider, "cycle-" + i);
                assertThat(openPluginJars()).isNotEmpty(); // the loaded copy is open while the plugin runs
                provider = null;
                host.unload("alpha");
                assertThat(openPluginJars()).as("cycle %d, before any collection", i).isEmpty();
                if (i == 10) {
                    heapAfterTen = usedHeapAfterGc();
                }
            }
            assertThat(Probe.barsSeen("cycle-" + CYCLES)).isEqualTo(40);
        }
        long heapAfterHundred = usedHeapAfterGc();
        for (int attempt = 0; attempt < 20 && loaders.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loaders).hasSize(CYCLES).allSatisfy(r -> assertThat(r.get()).as("a plugin class loader").isNull());
        assertThat(openPluginJars()).isEmpty();
        assertThat((double) heapAfterHundred).as("heap after GC, cycle 100 against cycle 10 (%d bytes)",
                heapAfterTen).isLessThanOrEqualTo(heapAfterTen * 1.10);
        Probe.clear();
    }

    /** Runs the plugin's strategy over 40 bars in a session of its own, so its classes are loaded and used. */
    private static void use(StrategyProvider provider, String instanceId) {
        TradingSession session = new TradingSession(SPOT, new BigDecimal("10000"), BpsFeeModel.flat(BigDecimal.ZERO),
                new BpsSlippageModel(BigDecimal.ZERO), List.of(), null, List.of(), new SessionListener() {
                    @Override
                    public void onFault(io.quantplug.runtime.session.PluginFault fault) {
                        throw new AssertionError(fault.toString());
                    }
                }, 0, 100, 40);
        session.addStrategy(instanceId, "alpha", provider, ParameterSchema.empty().defaults());
        session.start();
        for (int i = 0; i < 40; i++) {
            double close = 100 + 5 * Math.sin(i / 3.0);
            session.onBar(new Bar(ID, Timeframe.M1, i * 60_000L, close, close + 1, close - 1, close, 1.0));
        }
        session.finish();
    }

    /**
     * The files open in this process whose names end in .jar and that are plugin jars or the host's copies, deleted
     * or not.
     */
    private List<String> openPluginJars() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    // a file deleted while open reads "<path> (deleted)": the host deletes its copies on unload
                    target = Files.readSymbolicLink(fd).toString().replace(" (deleted)", "");
                } catch (IOException e) {
                    continue; // closed meanwhile (e.g. the directory listing's own descriptor)
                }
                if (target.endsWith(".jar") && (target.startsWith(jars.toString()) || target.startsWith(
                        dir.toString()) || target.contains("quantplug-plugins-"))) {
                    open.add(target);
                }
            }
        }
        return open;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
