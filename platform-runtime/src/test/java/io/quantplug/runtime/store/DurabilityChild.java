package io.quantplug.runtime.store;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The process {@link DurabilityTest} kills: journals the real backtest, slowed to 15 ms per fill, and prints
 * {@code RUN id} once, then {@code ACK seq} for every fill as soon as the journal acknowledges it (its batch
 * committed). Arguments: JDBC URL, user (may be empty).
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    /**
     * Runs the journaled backtest.
     *
     * @param args URL and user
     * @throws InterruptedException never expected
     */
    public static void main(String[] args) throws InterruptedException {
        DatabaseSettings settings = new DatabaseSettings(args[0], args[1].isEmpty() ? null : args[1], null);
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT);
        try (Store store = Store.open(settings)) {
            long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "child");
            System.out.println("RUN " + runId);
            System.out.flush();
            Journal journal = store.journal();
            ConcurrentLinkedQueue<Long> pendingFills = new ConcurrentLinkedQueue<>();
            journal.onDurable(durable -> {
                Long seq;
                while ((seq = pendingFills.peek()) != null && seq <= durable) {
                    pendingFills.poll();
                    System.out.println("ACK " + seq);
                }
                System.out.flush();
            });
            JournalingListener[] self = new JournalingListener[1];
            self[0] = store.runs().listener(runId, journal, new SessionListener() {
                @Override
                public void onOrderEvent(String strategy, OrderEvent event) {
                    if (event instanceof OrderFilled) {
                        pendingFills.add(self[0].lastFillSequence());
                        try {
                            Thread.sleep(15);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
            var result = RealBacktest.run(bars, self[0]);
            store.runs().complete(runId, ResultDocument.of(result), "child", journal);
            journal.close();
            System.out.println("DONE");
        }
    }
}
