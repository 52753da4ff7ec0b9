package io.quantplug.runtime.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;

import static io.quantplug.runtime.plugin.TestJars.counterJar;
import static io.quantplug.runtime.plugin.TestJars.guardJar;
import static org.assertj.core.api.Assertions.assertThat;

class PluginIndexTest {

    private static final ExtensionKey ALPHA = new ExtensionKey(ExtensionKind.STRATEGY, "alpha");
    private static final ExtensionKey GUARD = new ExtensionKey(ExtensionKind.RISK_RULE, "guard");

    @TempDir
    Path dir;
    @TempDir
    Path home;

    private PluginIndex index() {
        return new PluginIndex(home.resolve("cache").resolve("plugins.idx"));
    }

    private void threePlugins() throws IOException {
        counterJar(dir.resolve("alpha.jar"), "alpha", "1.0.0", 3);
        counterJar(dir.resolve("beta.jar"), "beta", "1.0.0", 3);
        guardJar(dir.resolve("guard.jar"), "1.0.0");
    }

    private static List<String> started(PluginHost host) {
        return host.plugins().stream().filter(p -> p.status() == PluginStatus.STARTED).map(PluginInfo::id).toList();
    }

    @Test
    void startsEveryPluginUntilTheIndexKnowsThemThenOnlyThoseANeededExtensionComesFrom() throws IOException {
        threePlugins();
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha", "beta", "guard");
        }
        assertThat(Files.readAllLines(home.resolve("cache").resolve("plugins.idx")))
                .anyMatch(l -> l.contains("alpha.jar") && l.endsWith("\talpha\t1.0.0\tSTRATEGY/alpha"))
                .anyMatch(l -> l.contains("guard.jar") && l.endsWith("\tguard\t1.0.0\tRISK_RULE/guard"));
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha");
            assertThat(host.catalog().strategy("alpha")).isPresent();
            assertThat(host.catalog().strategy("beta")).isEmpty();
            // the digest the index kept is the jar's, as the host takes it when it starts the plugin
            assertThat(host.sha256(host.plugins().get(0)))
                    .isEqualTo(io.quantplug.runtime.store.PluginRegistry.sha256(dir.resolve("alpha.jar")));
        }
        try (PluginHost host = index().open(dir, Set.of(ALPHA, GUARD))) {
            assertThat(started(host)).containsExactly("alpha", "guard");
        }
    }

    @Test
    void aChangedOrAddedJarOrAnUnknownExtensionStartsEveryPlugin() throws IOException {
        threePlugins();
        index().open(dir, List.of(ALPHA)).close();
        counterJar(dir.resolve("beta.jar"), "beta", "1.0.1", 30); // rebuilt: another size and time
        Files.setLastModifiedTime(dir.resolve("beta.jar"), FileTime.fromMillis(1_000_000_000_000L));
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha", "beta", "guard");
        }
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha");
        }
        counterJar(dir.resolve("gamma.jar"), "gamma", "1.0.0", 3);
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha", "beta", "gamma", "guard");
        }
        // an id no known jar provides: every plugin, so that the "available: ..." answer is complete
        try (PluginHost host = index().open(dir, List.of(new ExtensionKey(ExtensionKind.STRATEGY, "nope")))) {
            assertThat(started(host)).containsExactly("alpha", "beta", "gamma", "guard");
            assertThat(host.catalog().ids(ExtensionKind.STRATEGY)).contains("alpha", "beta", "gamma");
        }
    }

    @Test
    void aJarThatCannotBeUsedIsNeverIndexedSoEveryCommandStillReportsIt() throws IOException {
        threePlugins();
        Files.writeString(dir.resolve("broken.jar"), "not a jar");
        for (int i = 0; i < 2; i++) {
            try (PluginHost host = index().open(dir, List.of(ALPHA))) {
                assertThat(started(host)).containsExactly("alpha", "beta", "guard");
                assertThat(host.problems()).singleElement()
                        .satisfies(p -> assertThat(p.file().getFileName()).hasToString("broken.jar"));
            }
        }
        Files.delete(dir.resolve("broken.jar"));
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha");
            assertThat(host.problems()).isEmpty();
        }
    }

    @Test
    void anUnreadableIndexIsIgnored() throws IOException {
        threePlugins();
        Files.createDirectories(home.resolve("cache"));
        Files.writeString(home.resolve("cache").resolve("plugins.idx"), "garbage\twithout\tenough fields\n");
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha", "beta", "guard");
        }
        try (PluginHost host = index().open(dir, List.of(ALPHA))) {
            assertThat(started(host)).containsExactly("alpha");
        }
    }
}
