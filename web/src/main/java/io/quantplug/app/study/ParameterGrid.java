package io.quantplug.app.study;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.app.UserInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
public final class ParameterGrid {

    /** More sets than this is surely a mistyped step; the grid is refused. */
    public static final int MAX_SETS = 1_000_000;
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
    public static List<Map<String, String>> sets(ParameterSchema schema, List<String> grids,
                                                 Map<String, String> fixed) {
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

    /**
     * The sets a study runs: the grid's sets ({@link #sets}) passing every constraint, or, with {@code random}, a
     * sample of them drawn without replacement by a partial Fisher-Yates shuffle seeded with {@code seed} and put
     * back in grid order. The same inputs give the same sets on every JVM ({@link Random} is specified bit for bit).
     *
     * @param schema      the strategy's schema
     * @param grids       the {@code --grid} texts, at least one
     * @param fixed       the {@code --param} values, in every set
     * @param constraints the {@code --constraint} texts, possibly none
     * @param random      how many sets to draw, &ge; 1, or null for all of them
     * @param seed        the seed of the draw
     * @return the sets in grid order
     * @throws UserInputException as {@link #sets} does, for a malformed constraint, or when no set passes the
     *                            constraints
     */
    public static List<Map<String, String>> studySets(ParameterSchema schema, List<String> grids,
                                                      Map<String, String> fixed, List<String> constraints,
                                                      Integer random, long seed) {
        List<Map<String, String>> all = sets(schema, grids, fixed);
        List<ParameterConstraint> checks = constraints.stream().map(c -> ParameterConstraint.parse(c, schema))
                .toList();
        List<Map<String, String>> kept = all.stream().filter(s -> checks.stream().allMatch(c -> c.test(s, schema)))
                .toList();
        if (kept.isEmpty()) {
            throw new UserInputException("the grid is empty after the constraints: none of its " + all.size()
                    + " parameter sets satisfies " + String.join(" and ", constraints));
        }
        if (random == null || random >= kept.size()) {
            return kept;
        }
        // a partial Fisher-Yates shuffle of the indices, then back in grid order
        int[] index = new int[kept.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = 0; i < random; i++) {
            int j = i + rng.nextInt(index.length - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
        }
        return Arrays.stream(index, 0, random).sorted().mapToObj(kept::get).toList();
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
