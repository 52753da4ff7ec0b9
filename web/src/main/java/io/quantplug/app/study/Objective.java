package io.quantplug.app.study;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.analytics.PerformanceMetrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a study maximises: one of the {@link PerformanceMetrics}, as {@code --objective} names it. A trial whose
 * value is not a number (no trades, no losses, no drawdown) ranks below every trial that has one. Immutable and
 * safe to use from any thread.
 */
public enum Objective {
    /** The annualised Sharpe ratio. */
    SHARPE("sharpe", PerformanceMetrics::sharpe),
    /** The annualised Sortino ratio. */
    SORTINO("sortino", PerformanceMetrics::sortino),
    /** CAGR over maximum drawdown. */
    CALMAR("calmar", PerformanceMetrics::calmar),
    /** End over start equity, minus 1. */
    TOTAL_RETURN("totalReturn", PerformanceMetrics::totalReturn),
    /** Gross profit over gross loss. */
    PROFIT_FACTOR("profitFactor", PerformanceMetrics::profitFactor);

    private final String label;
    private final ToDoubleFunction<PerformanceMetrics> value;

    Objective(String label, ToDoubleFunction<PerformanceMetrics> value) {
        this.label = label;
        this.value = value;
    }

    /**
     * The name {@code --objective} takes, which is also the metric's name in {@code result.json}.
     *
     * @return e.g. {@code sharpe}
     */
    public String label() {
        return label;
    }

    /**
     * The objective's value of some metrics.
     *
     * @param metrics a trial's metrics, not null
     * @return the value; {@code NaN} when undefined
     */
    public double of(PerformanceMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /**
     * Whether {@code a} ranks above {@code b}: a larger number, and any number above {@code NaN}.
     *
     * @param a a value of this objective, may be {@code NaN}
     * @param b another, may be {@code NaN}
     * @return true when {@code a} ranks above {@code b}
     */
    public boolean better(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }

    /**
     * The best of some trials: the first among equals, whatever order they finished in.
     *
     * @param trials the trials, at least one
     * @return the best
     */
    public ParameterSweep.Trial best(List<ParameterSweep.Trial> trials) {
        ParameterSweep.Trial top = trials.get(0);
        for (ParameterSweep.Trial t : trials) {
            if (better(of(t.metrics()), of(top.metrics()))) {
                top = t;
            }
        }
        return top;
    }

    /**
     * The objective an option names.
     *
     * @param text the {@code --objective} text
     * @return the objective
     * @throws UserInputException when it names none
     */
    public static Objective parse(String text) {
        return Arrays.stream(values()).filter(o -> o.label.equals(text)).findFirst().orElseThrow(() ->
                new UserInputException("--objective: unknown objective '" + text + "'; one of "
                        + String.join(", ", Arrays.stream(values()).map(Objective::label).toList())));
    }
}
