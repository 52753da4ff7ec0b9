package io.quantplug.plugins.grid;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing the values of the grid's hot-swap snapshot (format {@value #FORMAT}): numbers as text that
 * round-trips exactly ({@link Double#toString}, {@link BigDecimal#toPlainString}), working orders as
 * {@code id|SIDE|price|quantity} separated by {@code ;} (a client order id holds neither character). A value that
 * is missing or malformed is a broken snapshot of this very format and is refused with an exception naming it.
 */
final class GridSnapshot {

    /** The layout this version writes and reads. */
    static final String FORMAT = "volatility-grid/1";

    private GridSnapshot() {
    }

    /**
     * A required value.
     *
     * @param in  the values
     * @param key the name
     * @return the text
     * @throws IllegalArgumentException when it is missing
     */
    static String text(Map<String, String> in, String key) {
        String v = in.get(key);
        if (v == null) {
            throw new IllegalArgumentException("snapshot " + FORMAT + " lacks '" + key + "'");
        }
        return v;
    }

    /**
     * A required whole number.
     *
     * @param in  the values
     * @param key the name
     * @return the number
     * @throws IllegalArgumentException when it is missing or not a whole number
     */
    static int integer(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' = '" + v + "' is not a whole number", e);
        }
    }

    /**
     * A required long.
     *
     * @param in  the values
     * @param key the name
     * @return the number
     * @throws IllegalArgumentException when it is missing or not a whole number
     */
    static long longValue(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' = '" + v + "' is not a whole number", e);
        }
    }

    /**
     * A required double.
     *
     * @param in  the values
     * @param key the name
     * @return the number
     * @throws IllegalArgumentException when it is missing or not a number
     */
    static double number(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' = '" + v + "' is not a number", e);
        }
    }

    /**
     * A required exact decimal.
     *
     * @param in  the values
     * @param key the name
     * @return the decimal
     * @throws IllegalArgumentException when it is missing or not a decimal
     */
    static BigDecimal decimal(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' = '" + v + "' is not a decimal", e);
        }
    }

    /**
     * Working orders as text.
     *
     * @param orders the orders
     * @return {@code id|SIDE|price|quantity;...}, empty for none
     */
    static String orders(Collection<GridOrder> orders) {
        StringBuilder b = new StringBuilder();
        for (GridOrder o : orders) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(o.id().value()).append('|').append(o.side().name()).append('|')
                    .append(o.price().toPlainString()).append('|').append(o.quantity().toPlainString());
        }
        return b.toString();
    }

    /**
     * Parses {@link #orders(Collection)}.
     *
     * @param text the text
     * @return the orders, in the same order
     * @throws IllegalArgumentException when an entry is malformed (names it)
     */
    static List<GridOrder> orders(String text) {
        List<GridOrder> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String entry : text.split(";")) {
            String[] f = entry.split("\\|");
            if (f.length != 4) {
                throw new IllegalArgumentException("snapshot order '" + entry + "' is not id|SIDE|price|quantity");
            }
            try {
                out.add(new GridOrder(new ClientOrderId(f[0]), Side.valueOf(f[1]), new BigDecimal(f[2]),
                        new BigDecimal(f[3])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("snapshot order '" + entry + "': " + e.getMessage(), e);
            }
        }
        return out;
    }
}
