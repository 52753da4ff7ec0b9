/**
 * A parameter study as {@code quantplug optimize} runs it, shared with the Spark job ({@code quantplug-spark}) so
 * that both compute the same trials with the same code: the parameter sets of a grid ({@link
 * io.quantplug.app.study.ParameterGrid}, {@link io.quantplug.app.study.ParameterConstraint}), one backtest per set
 * ({@link io.quantplug.app.study.ParameterSweep}), the ranking ({@link io.quantplug.app.study.Objective}), the
 * overfitting statistics ({@link io.quantplug.app.study.StudyStatistics}, from each trial's {@link
 * io.quantplug.app.study.ReturnSummary}) and the document that is printed and stored ({@link
 * io.quantplug.app.study.StudyReport}). Bad input throws {@link io.quantplug.app.UserInputException} with one line
 * naming the option.
 *
 * <pre>{@code
 * List<Map<String, String>> sets = ParameterGrid.studySets(schema, List.of("fast=5..15:5", "slow=12,30"),
 *         Map.of(), List.of("fast<slow"), null, 0);
 * ParameterSweep sweep = new ParameterSweep(new Backtester(host.catalog()), set -> config(set), Timeframe.M1,
 *         bars, 0, 2, 16);
 * List<ParameterSweep.Trial> trials = sweep.run(sets, t -> { });
 * ParameterSweep.Trial best = Objective.SHARPE.best(trials);
 * StudyStatistics statistics = StudyStatistics.of(trials, best.index(), 16);
 * }</pre>
 */
package io.quantplug.app.study;
