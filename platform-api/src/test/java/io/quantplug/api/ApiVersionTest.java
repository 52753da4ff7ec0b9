package io.quantplug.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionTest {

    @Test
    void constantEqualsTheVersionTheBuildDeclaresForPluginRequires() {
        // The build passes ${quantplug.api.version} (the root POM property that Plugin-Requires is built from).
        assertThat(System.getProperty("quantplug.api.version")).as("set by surefire").isNotNull();
        assertThat(ApiVersion.CURRENT).isEqualTo(System.getProperty("quantplug.api.version"));
    }
}
