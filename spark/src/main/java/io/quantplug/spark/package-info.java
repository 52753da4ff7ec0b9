/**
 * The study of {@code quantplug optimize} on Apache Spark: {@link io.quantplug.spark.StudyJob} reads a
 * {@code study.yaml} ({@link io.quantplug.spark.StudySpec}), runs one slice of parameter sets per task with the
 * same trial code as the command line ({@link io.quantplug.app.study.ParameterSweep}) on executors that load the
 * plugin jars through the platform's plugin host ({@link io.quantplug.spark.StudyContext}), and writes the trials
 * to Parquet ({@link io.quantplug.spark.TrialTable}) and, when configured, to the store. See docs/research.md.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
 * StudyJob.Outcome outcome = new StudyJob(spark, new PrintWriter(System.out, true))
 *         .run(StudySpec.read(Path.of("study.yaml")));
 * }</pre>
 */
package io.quantplug.spark;
