package io.quantplug.cli;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.app.UserInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter sets of a study: the Cartesian product of the values each {@code --grid} option gives, checked
 * against the strategy's parameter schema, with the fixed {@code --param} values in every set.
 *
 * <p>A grid option is {@code NAME=FROM..TO:STEP} for an integer or decimal parameter (FROM, FROM + STEP, ... up to
 * and including TO when it falls on a step; exact decimal steps) or {@code NAME=V1,V2,...} for a list of any type.
 * Every value is checked with {@link ParameterSpec#parse}, so a value outside the schema's bounds names the
 * parameter and its allowed range. Sets are listed with the first grid option varying slowest.
 */
final class ParameterGrid {

    /** More sets than this is surely a mistyped step. */
    static final int MAX_SETS = 1_000_000;
    private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\.\\.(" + NUMBER + "):(" + NUMBER + ")");

    private ParameterGrid() {
    }

    /**
     * The parameter sets.
     *
     * @param schema the strategy's schema
     * @param grids  the {@code --grid} texts, at least one
     * @param fixed  the {@code --param} values, in every set
     * @return the sets in grid order, each with the fixed values then the grid values, as typed texts
     * @throws UserInputException when a grid is malformed, names an unknown parameter or one also fixed, leaves the
     *                            schema's range, or the product exceeds {@value #MAX_SETS} sets
     */
    static List<Map<String, String>> sets(ParameterSchema schema, List<String> grids, Map<String, String> fixed) {
        if (grids.isEmpty()) {
            throw new UserInputException("give at least one --grid NAME=FROM..TO:STEP");
        }
        List<String> names = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        long count = 1;
        for (String grid : grids) {
            int eq = grid.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--grid " + grid + ": expected NAME=FROM..TO:STEP or NAME=V1,V2,...");
            }
            String name = grid.substring(0, eq).strip();
            ParameterSpec spec = schema.find(name).orElseThrow(() -> new UserInputException("--grid " + grid
                    + ": unknown parameter '" + name + "'; known parameters: " + String.join(", ",
                    schema.parameters().stream().map(ParameterSpec::name).toList())));
            if (names.contains(name) || fixed.containsKey(name)) {
                throw new UserInputException("--grid " + grid + ": parameter '" + name + "' is given twice");
            }
            List<String> these = values(grid, spec, grid.substring(eq + 1).strip());
            names.add(name);
            values.add(these);
            count *= these.size();
            if (count > MAX_SETS) {
                throw new UserInputException("the grid has more than " + MAX_SETS + " parameter sets; use wider"
                        + " steps or --random N");
            }
        }
        List<Map<String, String>> sets = new ArrayList<>();
        int[] index = new int[names.size()];
        for (long k = 0; k < count; k++) {
            Map<String, String> set = new LinkedHashMap<>(fixed);
            for (int i = 0; i < names.size(); i++) {
                set.put(names.get(i), values.get(i).get(index[i]));
            }
            sets.add(set);
            for (int i = names.size() - 1; i >= 0 && ++index[i] == values.get(i).size(); i--) {
                index[i] = 0;
            }
        }
        return sets;
    }

    private static List<String> values(String grid, ParameterSpec spec, String text) {
        List<String> out = new ArrayList<>();
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            if (spec.type() != ParameterType.INTEGER && spec.type() != ParameterType.DECIMAL) {
                throw new UserInputException("--grid " + grid + ": a range needs a numeric parameter; '"
                        + spec.name() + "' is " + spec.allowedValues() + " (list values: NAME=V1,V2)");
            }
            BigDecimal from = check(grid, spec, range.group(1));
            BigDecimal to = check(grid, spec, range.group(2));
            BigDecimal step = number(grid, range.group(3));
            if (step.signum() <= 0 || to.compareTo(from) < 0
                    || spec.type() == ParameterType.INTEGER && step.stripTrailingZeros().scale() > 0) {
                throw new UserInputException("--grid " + grid + ": expected FROM <= TO and a STEP > 0"
                        + (spec.type() == ParameterType.INTEGER ? ", whole" : ""));
            }
            if (to.subtract(from).divideToIntegralValue(step).compareTo(BigDecimal.valueOf(MAX_SETS)) >= 0) {
                throw new UserInputException("--grid " + grid + ": more than " + MAX_SETS + " values");
            }
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                out.add(v.toPlainString());
            }
            return out;
        }
        for (String v : text.split(",", -1)) {
            if (v.isBlank()) {
                throw new UserInputException("--grid " + grid + ": an empty value");
            }
            check(grid, spec, v.strip());
            out.add(v.strip());
        }
        return out;
    }

    /** Parses a value with its spec (bounds included); a number for a numeric parameter, else null. */
    private static BigDecimal check(String grid, ParameterSpec spec, String text) {
        Object v;
        try {
            v = spec.parse(text);
        } catch (InvalidParameterException e) {
            throw new UserInputException("--grid " + grid + ": " + e.getMessage());
        }
        return v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal d ? d : null;
    }

    private static BigDecimal number(String grid, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UserInputException("--grid " + grid + ": '" + text + "' is not a number");
        }
    }
}
