package io.quantplug.runtime.plugin;

import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider;
import io.quantplug.runtime.plugin.testplugin.FailingStartPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static io.quantplug.runtime.plugin.TestJars.ECHO_SERVICE;
import static io.quantplug.runtime.plugin.TestJars.counterJar;
import static io.quantplug.runtime.plugin.TestJars.jar;
import static io.quantplug.runtime.plugin.TestJars.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading, replacing, unloading, disabling and enabling plugins one at a time, by call and by directory watching. */
class PluginLifecycleTest {

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private final List<PluginChange> changes = new CopyOnWriteArrayList<>();

    private PluginHost open() {
        PluginHost host = PluginHost.open(dir);
        host.addListener(changes::add);
        return host;
    }

    private static PluginInfo plugin(PluginHost host, String id) {
        return host.plugins().stream().filter(p -> p.id().equals(id) && p.status() != PluginStatus.REFUSED
                && p.problem() == null).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in "
                + host.plugins()));
    }

    @Test
    void replacingAJarSwapsTheCatalogToTheNewBuildAndTellsListenersBeforeTheOldOneUnloads() throws IOException {
        Path alpha = counterJar(dir.resolve("alpha.jar"), "alpha", "1.0.0", 10);
        try (PluginHost host = open()) {
            StrategyProvider v1 = host.catalog().strategy("alpha").orElseThrow();
            List<Boolean> oldUsableDuringListener = new CopyOnWriteArrayList<>();
            host.addListener(c -> oldUsableDuringListener.add(
                    c.before().extensions().get(0).descriptor().id().equals("alpha")));
            counterJar(elsewhere.resolve("alpha-2.jar"), "alpha", "2.0.0", 20);
            Files.copy(elsewhere.resolve("alpha-2.jar"), alpha, StandardCopyOption.REPLACE_EXISTING);

            PluginInfo v2 = host.load(alpha);

            assertThat(v2.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(v2.version()).isEqualTo("2.0.0");
            assertThat(plugin(host, "alpha").version()).isEqualTo("2.0.0");
            assertThat(host.plugins()).hasSize(1);
            StrategyProvider now = host.catalog().strategy("alpha").orElseThrow();
            assertThat(now.getClass()).isNotSameAs(v1.getClass());
            assertThat(now.getClass().getClassLoader()).isNotSameAs(v1.getClass().getClassLoader());
            assertThat(changes).extracting(PluginChange::kind).containsExactly(PluginChange.Kind.REPLACED);
            assertThat(changes.get(0).before().version()).isEqualTo("1.0.0");
            assertThat(changes.get(0).after().version()).isEqualTo("2.0.0");
            assertThat(oldUsableDuringListener).containsExactly(true);
        }
    }

    @Test
    void aReplacementThatCannotBeUsedLeavesThePreviousVersionRunningAndSaysWhy() throws IOException {
        Path alpha = counterJar(dir.resolve("alpha.jar"), "alpha", "1.0.0", 10);
        try (PluginHost host = open()) {
            // corrupt
            Files.writeString(alpha, "PK but not really");
            PluginInfo corrupt = host.load(alpha);
            assertThat(corrupt.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(corrupt.problem()).startsWith("not a valid jar");
            assertThat(plugin(host, "alpha").version()).isEqualTo("1.0.0");
            assertThat(host.catalog().strategy("alpha")).isPresent();

            // an API range this runtime is not in: the message names both versions
            jar(alpha, Map.of("Plugin-Id", "alpha", "Plugin-Version", "9.0.0", "Plugin-Requires", ">=9.0.0"),
                    ECHO_SERVICE, EchoStrategyProvider.class);
            PluginInfo incompatible = host.load(alpha);
            assertThat(incompatible.problem())
                    .isEqualTo("requires Quantplug API >=9.0.0, but this runtime provides API 0.2.0 (and hosts plugins built for 0.1.0)");
            assertThat(plugin(host, "alpha").version()).isEqualTo("1.0.0");

            // a start that throws
            Map<String, String> m = new HashMap<>(manifest("alpha", ">=0.1.0"));
            m.put("Plugin-Class", FailingStartPlugin.class.getName());
            jar(alpha, m, ECHO_SERVICE, EchoStrategyProvider.class, FailingStartPlugin.class);
            PluginInfo failing = host.load(alpha);
            assertThat(failing.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(failing.problem()).contains("start failed").contains("cannot reach the license server");

            assertThat(plugin(host, "alpha").version()).isEqualTo("1.0.0");
            assertThat(host.catalog().strategy("alpha")).isPresent();
            assertThat(host.problems()).extracting(PluginInfo::problem).containsExactly(failing.problem());
            assertThat(changes).extracting(PluginChange::kind).containsOnly(PluginChange.Kind.FAILED);
            assertThat(changes).allSatisfy(c -> assertThat(c.before().version()).isEqualTo("1.0.0"));
        }
    }

    @Test
    void disablingEnablingAndUnloading() throws IOException {
        counterJar(dir.resolve("alpha.jar"), "alpha", "1.0.0", 10);
        counterJar(dir.resolve("beta.jar"), "beta", "1.0.0", 15);
        try (PluginHost host = open()) {
            assertThat(host.disable("alpha").status()).isEqualTo(PluginStatus.DISABLED);
            assertThat(host.catalog().strategy("alpha")).isEmpty();
            assertThat(host.catalog().strategy("beta")).isPresent();
            assertThat(host.plugins()).extracting(PluginInfo::status)
                    .containsExactly(PluginStatus.DISABLED, PluginStatus.STARTED);

            assertThat(host.enable("alpha").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.catalog().strategy("alpha")).isPresent();

            assertThat(host.unload("beta").id()).isEqualTo("beta");
            assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly("alpha");
            assertThat(host.catalog().strategy("beta")).isEmpty();
            assertThatThrownBy(() -> host.unload("beta")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no plugin 'beta'; loaded: [alpha]");
            assertThat(changes).extracting(PluginChange::kind).containsExactly(PluginChange.Kind.UNLOADED,
                    PluginChange.Kind.LOADED, PluginChange.Kind.UNLOADED);
        }
    }

    @Test
    void aSecondFileWithALoadedPluginIdIsAnUpgradeOnlyWhenNewerAndReplaceTakesAnyFile() throws IOException {
        counterJar(dir.resolve("alpha.jar"), "alpha", "1.0.0", 10);
        try (PluginHost host = open()) {
            Path same = counterJar(elsewhere.resolve("alpha-1.0.0.jar"), "alpha", "1.0.0", 15);
            assertThat(host.load(same).problem()).isEqualTo("plugin id 'alpha' is already loaded from alpha.jar"
                    + " (version 1.0.0 is not newer than the running 1.0.0)");
            Path newer = counterJar(elsewhere.resolve("alpha-2.0.0.jar"), "alpha", "2.0.0", 20);
            assertThat(host.load(newer).version()).isEqualTo("2.0.0");
            assertThat(plugin(host, "alpha").file()).isEqualTo(newer.toAbsolutePath());
            assertThat(dir.resolve(PluginHost.RETIRED).resolve("alpha.jar")).exists();
            assertThat(host.replace("alpha", same).version()).isEqualTo("1.0.0");
            assertThat(plugin(host, "alpha").file()).isEqualTo(same.toAbsolutePath());
        }
    }

    @Test
    void theWatcherLoadsNewJarsSwapsReplacedOnesAndUnloadsDeletedOnes() throws Exception {
        try (PluginHost host = open()) {
            PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host, Duration.ofMillis(200));
            Path alpha = dir.resolve("alpha.jar");
            moveIn(counterJar(elsewhere.resolve("a1.jar"), "alpha", "1.0.0", 10), alpha);
            await(() -> host.catalog().strategy("alpha").isPresent());
            assertThat(plugin(host, "alpha").version()).isEqualTo("1.0.0");

            moveIn(counterJar(elsewhere.resolve("a2.jar"), "alpha", "2.0.0", 20), alpha);
            await(() -> plugin(host, "alpha").version().equals("2.0.0"));

            Files.delete(alpha);
            await(() -> changes.size() == 3); // listeners are told after the snapshot changes
            assertThat(host.plugins()).isEmpty();
            assertThat(host.catalog().strategy("alpha")).isEmpty();
            assertThat(changes).extracting(PluginChange::kind).containsExactly(PluginChange.Kind.LOADED,
                    PluginChange.Kind.REPLACED, PluginChange.Kind.UNLOADED);
            watcher.close();
        }
    }

    @Test
    void theWatcherWaitsUntilAJarIsCompletelyWritten() throws Exception {
        byte[] whole = Files.readAllBytes(counterJar(elsewhere.resolve("b.jar"), "beta", "1.0.0", 15));
        try (PluginHost host = open()) {
            PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host, Duration.ofMillis(1_000));
            Path beta = dir.resolve("beta.jar");
            // written in two halves, 300 ms apart: shorter than the settle interval, so the half jar is never read
            Files.write(beta, java.util.Arrays.copyOf(whole, whole.length / 2));
            Thread.sleep(300);
            assertThat(host.plugins()).isEmpty();
            Files.write(beta, whole);
            await(() -> host.catalog().strategy("beta").isPresent());
            await(() -> !changes.isEmpty()); // listeners hear of it on the watcher's thread, after the catalog
            assertThat(changes).extracting(PluginChange::kind).containsExactly(PluginChange.Kind.LOADED);
            watcher.close();
        }
    }

    /** Writes elsewhere, then renames into place: how a jar should arrive. */
    @Test
    void theWatcherReportsItsChangesAndADeletedRefusedJarLeavesTheList() throws Exception {
        try (PluginHost host = open()) {
            List<String> reports = new CopyOnWriteArrayList<>();
            PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host, Duration.ofMillis(100),
                    (file, before, after) -> reports.add(file.getFileName() + ":" + (before == null ? "-"
                            : before.version()) + "->" + (after == null ? "-" : after.version() + " "
                            + after.status())));
            Path broken = dir.resolve("broken.jar");
            moveIn(Files.writeString(elsewhere.resolve("broken.jar"), "not a jar"), broken);
            await(() -> host.plugins().stream().anyMatch(p -> p.status() == PluginStatus.REFUSED));
            Files.delete(broken);
            await(() -> host.plugins().isEmpty());
            Path alpha = dir.resolve("alpha.jar");
            moveIn(counterJar(elsewhere.resolve("a1.jar"), "alpha", "1.0.0", 10), alpha);
            await(() -> host.catalog().strategy("alpha").isPresent());
            Files.setLastModifiedTime(alpha, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                    + 5_000)); // touched, same bytes: no change, no report
            Thread.sleep(400);
            await(() -> reports.size() == 3);
            assertThat(reports).containsExactly("broken.jar:-->" + " REFUSED", "broken.jar:->-",
                    "alpha.jar:-->1.0.0 STARTED");
            watcher.close();
        }
    }

    private static void moveIn(Path built, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.copy(built, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
