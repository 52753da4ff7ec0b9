package io.quantplug.sdk.statistics;

/**
 * A least-squares regression could not be estimated because its regressors are linearly dependent, for example an
 * ADF regression on a constant series or a hedge-ratio regression on a constant {@code x}.
 */
public final class SingularRegressionException extends StatisticsException {

    /**
     * An exception naming the regression.
     *
     * @param message which regression, on how many rows
     * @param cause   Commons Math's singular-matrix failure
     */
    public SingularRegressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
