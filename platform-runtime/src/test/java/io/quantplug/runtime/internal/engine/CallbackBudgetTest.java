package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.session.FaultAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The time-budget policy: a callback that runs too long suspends its instance; the others carry on. */
class CallbackBudgetTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();

    @Test
    void aCallbackOverBudgetSuspendsItsInstanceCancelsItsOrdersAndIsReported() {
        TradingSession s = EngineFixtures.session(SPOT, "100000", "0", "0", null, List.of(), recording);
        s.callbackBudget(Duration.ofMillis(150));
        List<String> slowCalls = new ArrayList<>();
        List<String> quickCalls = new ArrayList<>();
        s.addStrategy("slow-1", "slow", provider("slow", ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                slowCalls.add("onBar " + bars);
                if (bars == 0) {
                    // a resting buy limit far below the market: it must be canceled with the suspension
                    ctx.submit(new LimitOrder(ctx.nextClientOrderId(), BTC, Side.BUY, d("1"), d("50"),
                            TimeInForce.GTC));
                }
                if (bars++ == 2) {
                    sleep(600); // four budgets long
                }
            }

            @Override
            public void onStop() {
                slowCalls.add("onStop");
            }
        }), NO_PARAMETERS);
        s.addStrategy("quick-1", "quick", provider("quick", ctx -> bar -> quickCalls.add("onBar")), NO_PARAMETERS);
        s.start();
        for (int i = 0; i < 6; i++) {
            s.onBar(bar(i, 100, 100));
        }
        s.finish();

        assertThat(slowCalls).containsExactly("onBar 0", "onBar 1", "onBar 2");
        assertThat(quickCalls).hasSize(6);
        assertThat(recording.faults).singleElement().satisfies(f -> {
            assertThat(f.instanceId()).isEqualTo("slow-1");
            assertThat(f.callback()).isEqualTo("onBar");
            assertThat(f.action()).isEqualTo(FaultAction.SUSPENDED_INSTANCE);
            assertThat(f.error()).matches("CallbackOverBudgetException: onBar ran \\d+ ms, over the 150 ms budget");
            int ranMillis = Integer.parseInt(f.error().replaceAll(".* ran (\\d+) ms.*", "$1"));
            assertThat(ranMillis).isBetween(150, 2_000);
        });
        assertThat(recording.events).filteredOn(e -> e instanceof OrderCanceled).hasSize(1);
        assertThat(s.anyStrategyStopped()).isTrue();
    }

    @Test
    void quickCallbacksAreNeverSuspended() {
        TradingSession s = EngineFixtures.session(SPOT, "100000", "0", "0", null, List.of(), recording);
        s.callbackBudget(Duration.ofMillis(100));
        List<String> calls = new ArrayList<>();
        s.addStrategy("steady-1", "steady", provider("steady", ctx -> bar -> {
            calls.add("onBar");
            sleep(5); // 40 callbacks, 200 ms in all: the budget is per callback
        }), NO_PARAMETERS);
        s.start();
        for (int i = 0; i < 40; i++) {
            s.onBar(bar(i, 100, 100));
        }
        s.finish();
        assertThat(calls).hasSize(40);
        assertThat(recording.faults).isEmpty();
    }

    @Test
    void aBudgetBelowTheWatchdogsResolutionIsRefused() {
        TradingSession s = EngineFixtures.session(SPOT, "100000", "0", "0", null, List.of(), recording);
        assertThatIllegalArgumentException().isThrownBy(() -> s.callbackBudget(Duration.ofMillis(20)))
                .withMessage("callback budget must be at least 100 ms, got 20 ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
