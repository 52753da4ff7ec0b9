package io.quantplug.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's module keeps its internals to itself: the compiled {@code module-info.class} exports every package
 * of the module but {@code io.quantplug.runtime.internal} and its sub-packages, so a modular application reaches the
 * engine, the simulated venue and the portfolio only through the exported API.
 */
class ModuleBoundaryTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyPackageButTheInternalOnesIsExported() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.name()).isEqualTo("io.quantplug.runtime");
        Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> runtimePackages;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/quantplug/runtime"))) {
            runtimePackages = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toSet());
        }
        Set<String> internal = runtimePackages.stream().filter(p -> p.startsWith("io.quantplug.runtime.internal"))
                .collect(Collectors.toSet());
        assertThat(internal).contains("io.quantplug.runtime.internal.engine", "io.quantplug.runtime.internal.venue",
                "io.quantplug.runtime.internal.portfolio");
        assertThat(exported).doesNotContainAnyElementsOf(internal);
        Set<String> api = runtimePackages.stream().filter(p -> !internal.contains(p)).collect(Collectors.toSet());
        assertThat(exported).containsAll(api);
    }
}
