package io.quantplug.api.param;

/**
 * A parameter value was refused. The message names the parameter, the value and what is allowed, e.g.
 * {@code parameter 'fast' = 0 is out of range: allowed 1 .. 1000 (bars)}.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the name of the refused parameter, not null
     * @param message   the full message, naming the parameter and the allowed values
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * The refused parameter.
     *
     * @return the parameter name as declared in the schema (or as given, when it is unknown)
     */
    public String parameter() {
        return parameter;
    }
}
