package io.quantplug.app;

import io.quantplug.api.market.Bar;
import io.quantplug.runtime.session.BarSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar source that keeps every bar it hands out: what an exchange session's report draws. Engine thread only;
 * read {@link #bars()} once the run has ended.
 */
final class TakenBars implements BarSource {

    private final BarSource source;
    private final List<Bar> taken = new ArrayList<>();

    TakenBars(BarSource source) {
        this.source = source;
    }

    @Override
    public Bar next() {
        Bar b = source.next();
        if (b != null) {
            taken.add(b);
        }
        return b;
    }

    @Override
    public void stop() {
        source.stop();
    }

    /** The bars handed out, oldest first. */
    List<Bar> bars() {
        return taken;
    }
}
