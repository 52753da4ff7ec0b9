package io.quantplug.runtime.plugin.testplugin;

import org.pf4j.Plugin;

/** A PF4J plugin class whose start throws, to test the FAILED state. */
public final class FailingStartPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("cannot reach the license server");
    }
}
