package io.quantplug.spark;

import io.quantplug.app.study.ParameterSweep;
import io.quantplug.runtime.report.ResultDocument;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The trials of a study as a table, one row per trial in grid order: {@code index} (int, the trial's position among
 * the sets), {@code parameters} (map of name to value as typed, the strategy's resolved parameters), one column per
 * metric of {@code result.json} ({@link ResultDocument.Metrics}, named as there), and {@code faults} (int, plugin
 * callbacks that failed). Ratios are doubles, null where {@code result.json} writes null (not finite); money
 * amounts are their exact decimal text ({@code BigDecimal.toPlainString}); {@code maxDrawdownDuration} is its
 * ISO-8601 text (e.g. {@code PT3H}); {@code tradeCount} is an int. Stateless.
 */
public final class TrialTable {

    private static final RecordComponent[] METRICS = ResultDocument.Metrics.class.getRecordComponents();

    private TrialTable() {
    }

    /**
     * The table's schema.
     *
     * @return the columns, in the order above
     */
    public static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("index", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("parameters",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false));
        for (RecordComponent c : METRICS) {
            fields.add(DataTypes.createStructField(c.getName(), type(c.getType()), true));
        }
        fields.add(DataTypes.createStructField("faults", DataTypes.IntegerType, false));
        return DataTypes.createStructType(fields);
    }

    /**
     * The trials as a data frame.
     *
     * @param spark  the session
     * @param trials the trials, in grid order
     * @return the frame, one row per trial
     */
    public static Dataset<Row> of(SparkSession spark, List<ParameterSweep.Trial> trials) {
        List<Row> rows = new ArrayList<>();
        for (ParameterSweep.Trial t : trials) {
            ResultDocument.Metrics metrics = ResultDocument.Metrics.of(t.metrics());
            Object[] values = new Object[METRICS.length + 3];
            values[0] = t.index();
            values[1] = scala.jdk.javaapi.CollectionConverters.asScala(t.parameters());
            for (int i = 0; i < METRICS.length; i++) {
                values[i + 2] = value(read(METRICS[i], metrics));
            }
            values[values.length - 1] = t.faults();
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema());
    }

    private static DataType type(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return DataTypes.DoubleType;
        }
        if (type == Integer.class || type == int.class) {
            return DataTypes.IntegerType;
        }
        if (type == Long.class || type == long.class) {
            return DataTypes.LongType;
        }
        return DataTypes.StringType;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Double || v instanceof Integer || v instanceof Long) {
            return v;
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private static Object read(RecordComponent c, ResultDocument.Metrics metrics) {
        try {
            return c.getAccessor().invoke(metrics);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read metric " + c.getName(), e);
        }
    }
}
