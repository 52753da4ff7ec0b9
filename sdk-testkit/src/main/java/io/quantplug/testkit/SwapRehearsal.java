package io.quantplug.testkit;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.strategy.StrategyProvider;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rehearses a hot swap of a strategy in a JUnit test: the old build runs bars {@code 0 .. k-1}, its
 * {@code snapshot()} is handed to an instance of the new build, whose {@code restore()} takes it, and the new
 * instance runs the bars from {@code k} on; the same backtest is also run uninterrupted on the new build, so a test
 * can check that the swapped run is the run the new build would have made on its own.
 *
 * <pre>{@code
 * SwapRehearsal.Result r = SwapRehearsal.of(new MyStrategyProvider())   // or of(oldBuild, newBuild)
 *         .swapBeforeBar(30)
 *         .backtest(b -> b.parameters(Map.of("period", 10)).csv(BARS).fees(10))
 *         .run();
 * assertThat(r.restored()).isTrue();
 * r.assertMatchesUninterrupted();
 * }</pre>
 *
 * <p>The steps are the runtime's ({@code Strategy#snapshot()} and {@code Strategy#restore}): the old instance gets no
 * {@code onStop}; the new one is created by the new build's provider with the same context (instance id, parameters,
 * position, working orders, timers and order-id sequence carry over), is offered the snapshot when there is one, and
 * is given {@code onStart()} only when there is none or it declines it. One difference in timing: the runtime swaps
 * before bar {@code k}'s fills at its open, the rehearsal just before bar {@code k}'s first timer or {@code onBar}, so
 * the order events of those fills still reach the old instance (its snapshot then includes them). Where the runtime
 * would report a fault, the rehearsal fails: a {@code snapshot()} or {@code restore()} that throws makes
 * {@link #run()} throw an {@link AssertionError} naming it.
 *
 * <p>A rehearsal belongs to one test and one thread.
 */
public final class SwapRehearsal {

    private final StrategyProvider oldBuild;
    private final StrategyProvider newBuild;
    private int swapBar = -1;
    private Consumer<PluginBacktest> setup = b -> { };

    private SwapRehearsal(StrategyProvider oldBuild, StrategyProvider newBuild) {
        this.oldBuild = Objects.requireNonNull(oldBuild, "oldBuild");
        this.newBuild = Objects.requireNonNull(newBuild, "newBuild");
    }

    /**
     * Rehearses a swap from one build to another, e.g. the provider of the released jar (loaded with
     * {@link PluginJar}) to the one under development.
     *
     * @param oldBuild the provider whose instance runs first and is snapshotted
     * @param newBuild the provider whose instance is restored and runs after the swap
     * @return the rehearsal
     * @throws NullPointerException when a provider is null
     */
    public static SwapRehearsal of(StrategyProvider oldBuild, StrategyProvider newBuild) {
        return new SwapRehearsal(oldBuild, newBuild);
    }

    /**
     * Rehearses a swap of a build into itself: checks that {@code restore()} reads back all that {@code snapshot()}
     * wrote, the state a swap to a new build of the same code needs.
     *
     * @param build the provider
     * @return the rehearsal
     * @throws NullPointerException when the provider is null
     */
    public static SwapRehearsal of(StrategyProvider build) {
        return new SwapRehearsal(build, build);
    }

    /**
     * Where the swap happens.
     *
     * @param index the index in the run's bars (as in {@link BacktestRun#barAt}) of the first bar the new instance
     *              gets; the old instance got every bar before it; &ge; 1 and below the number of bars
     * @return this rehearsal
     * @throws IllegalArgumentException when {@code index < 1}
     */
    public SwapRehearsal swapBeforeBar(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("swapBeforeBar index must be >= 1 (the old instance sees at least one"
                    + " bar), got " + index);
        }
        this.swapBar = index;
        return this;
    }

    /**
     * Configures both backtests, the swapped one and the uninterrupted one: data, parameters, instrument, fees,
     * risk rules, as on any {@link PluginBacktest}.
     *
     * @param configuration applied to each backtest builder before it runs
     * @return this rehearsal
     */
    public SwapRehearsal backtest(Consumer<PluginBacktest> configuration) {
        this.setup = Objects.requireNonNull(configuration, "configuration");
        return this;
    }

    /**
     * Runs the swapped backtest and the uninterrupted one, on the calling thread.
     *
     * @return both runs, the snapshot handed over and whether the new instance took it
     * @throws IllegalStateException when {@link #swapBeforeBar} was not called
     * @throws AssertionError        when the data ends before the swap bar, when {@code snapshot()} or
     *                               {@code restore()} threw, or when a plugin callback failed in either run
     */
    public Result run() {
        if (swapBar < 0) {
            throw new IllegalStateException("call swapBeforeBar(index) before run()");
        }
        SwappingProvider swapping = new SwappingProvider(oldBuild, newBuild, swapBar);
        PluginBacktest swappedBacktest = PluginBacktest.of(swapping);
        setup.accept(swappedBacktest);
        BacktestRun swapped = swappedBacktest.run();
        SwappingProvider.Handover handover = swapping.handover();
        if (handover == null) {
            throw new AssertionError("no swap happened: the data has " + swapped.bars().size()
                    + " bars, the swap was asked for before bar " + swapBar);
        }
        PluginBacktest uninterruptedBacktest = PluginBacktest.of(newBuild);
        setup.accept(uninterruptedBacktest);
        return new Result(swapped, uninterruptedBacktest.run(), handover.snapshot(), handover.restored());
    }

    /**
     * What a rehearsal produced.
     *
     * @param swapped       the run in which the old build's instance was swapped for the new build's
     * @param uninterrupted the same backtest on the new build alone
     * @param snapshot      what the old instance's {@code snapshot()} returned; null when it returned null
     * @param restored      whether the new instance's {@code restore()} returned true (false when it declined or got
     *                      no snapshot, in which case it was started fresh with {@code onStart()})
     */
    public record Result(BacktestRun swapped, BacktestRun uninterrupted, StateSnapshot snapshot, boolean restored) {

        /**
         * Checks that the swapped run traded exactly as the uninterrupted one: the same signals, fills and round
         * trips, in the same order. Meaningful when the new build decides as the old one did on the bars before the
         * swap (the same build, or a release that changes no decision on this data).
         *
         * @throws AssertionError naming the first difference
         */
        public void assertMatchesUninterrupted() {
            same("signal", swapped.signals(), uninterrupted.signals());
            same("fill", swapped.fills(), uninterrupted.fills());
            same("round trip", swapped.closedTrades(), uninterrupted.closedTrades());
        }

        private void same(String what, List<?> actual, List<?> expected) {
            for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                if (!actual.get(i).equals(expected.get(i))) {
                    throw new AssertionError(what + " " + i + " differs after the swap (restored: " + restored
                            + ", snapshot: " + snapshot + ")\n  swapped:       " + actual.get(i)
                            + "\n  uninterrupted: " + expected.get(i));
                }
            }
            if (actual.size() != expected.size()) {
                throw new AssertionError("the swapped run has " + actual.size() + " " + what + "s, the uninterrupted"
                        + " run " + expected.size() + " (restored: " + restored + ", snapshot: " + snapshot + ")");
            }
        }
    }
}
