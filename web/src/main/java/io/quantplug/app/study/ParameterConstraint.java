package io.quantplug.app.study;

import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.app.UserInputException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --constraint} of a study: a comparison {@code A OP B} of two parameters, or of a parameter and a number,
 * with {@code OP} one of {@code < <= > >= == !=}, e.g. {@code fast<slow} or {@code slow<=200}. A parameter set
 * that fails it is left out before any trial runs. A parameter missing from a set takes its schema default.
 *
 * @param text  the constraint as typed
 * @param left  the left operand: a parameter name or a number
 * @param op    the operator
 * @param right the right operand
 */
public record ParameterConstraint(String text, String left, String op, String right) {

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*(<=|>=|==|!=|<|>)\\s*([A-Za-z0-9_.-]+)\\s*");

    /**
     * Parses a constraint and checks its names against a schema.
     *
     * @param text   the text
     * @param schema the strategy's schema
     * @return the constraint
     * @throws UserInputException when it is malformed or names an unknown parameter
     */
    public static ParameterConstraint parse(String text, ParameterSchema schema) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new UserInputException("--constraint " + text + ": expected A<B, A<=B, A>B, A>=B, A==B or A!=B with"
                    + " parameter names or numbers, e.g. 'fast<slow'");
        }
        ParameterConstraint c = new ParameterConstraint(text, m.group(1), m.group(2), m.group(3));
        for (String operand : new String[] {c.left, c.right}) {
            if (number(operand) == null && schema.find(operand).isEmpty()) {
                throw new UserInputException("--constraint " + text + ": '" + operand + "' is neither a number nor"
                        + " a parameter; known parameters: " + String.join(", ",
                        schema.parameters().stream().map(ParameterSpec::name).toList()));
            }
        }
        return c;
    }

    /**
     * Whether a parameter set satisfies the constraint.
     *
     * @param set    the set, as typed
     * @param schema the schema giving defaults
     * @return true when the comparison holds; false when an operand is not numeric
     */
    public boolean test(Map<String, String> set, ParameterSchema schema) {
        BigDecimal a = value(left, set, schema);
        BigDecimal b = value(right, set, schema);
        if (a == null || b == null) {
            return false;
        }
        int c = a.compareTo(b);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    private static BigDecimal value(String operand, Map<String, String> set, ParameterSchema schema) {
        BigDecimal n = number(operand);
        if (n != null) {
            return n;
        }
        String text = set.get(operand);
        if (text == null) {
            text = schema.find(operand).map(ParameterSpec::defaultValue).orElse(null);
        }
        return text == null ? null : number(text);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
