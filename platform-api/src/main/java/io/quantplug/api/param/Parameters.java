package io.quantplug.api.param;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated parameter values, each of the type its {@link ParameterSpec} declares. Immutable and thread-safe.
 * Obtain one from {@link ParameterSchema#resolve(Map)}.
 */
public final class Parameters {

    private final ParameterSchema schema;
    private final Map<String, Object> values;

    Parameters(ParameterSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The schema these values were checked against.
     *
     * @return the schema
     */
    public ParameterSchema schema() {
        return schema;
    }

    /**
     * An {@link ParameterType#INTEGER} value as {@code int}.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter, it is not an integer, or it overflows int
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * An {@link ParameterType#INTEGER} value.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter or it is not an integer
     */
    public long getLong(String name) {
        return typed(name, Long.class);
    }

    /**
     * A {@link ParameterType#DECIMAL} (or integer) value, exactly.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter or it is not numeric
     */
    public BigDecimal getDecimal(String name) {
        Object v = raw(name);
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not numeric");
    }

    /**
     * A numeric value as {@code double}, for indicator and threshold arithmetic.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter or it is not numeric
     */
    public double getDouble(String name) {
        return getDecimal(name).doubleValue();
    }

    /**
     * A {@link ParameterType#BOOLEAN} value.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter or it is not boolean
     */
    public boolean getBoolean(String name) {
        return typed(name, Boolean.class);
    }

    /**
     * A {@link ParameterType#STRING} or {@link ParameterType#CHOICE} value.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException when there is no such parameter or it is not text
     */
    public String getString(String name) {
        return typed(name, String.class);
    }

    /**
     * Every value in canonical text form, in schema order: what a stored run records and what
     * {@link ParameterSchema#resolve(Map)} accepts back.
     *
     * @return an unmodifiable map from name to text
     */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    private Object raw(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in this schema");
        }
        return v;
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = raw(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
