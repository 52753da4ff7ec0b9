package io.quantplug.sdk.statistics;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * One ordinary least-squares fit through Commons Math's {@link OLSMultipleLinearRegression} (Householder QR), with the
 * design given column by column and no implicit intercept: the caller adds a column of ones where it wants one.
 * Standard errors are {@code sqrt(s² (X'X)⁻¹_jj)} with {@code s² = RSS / (n - k)}, as R's {@code summary.lm}.
 */
final class LeastSquares {

    private final double[] coefficients;
    private final double[] standardErrors;
    private final double residualSumOfSquares;
    private final double[] residuals;

    private LeastSquares(OLSMultipleLinearRegression ols) {
        this.coefficients = ols.estimateRegressionParameters();
        this.standardErrors = ols.estimateRegressionParametersStandardErrors();
        this.residuals = ols.estimateResiduals();
        this.residualSumOfSquares = ols.calculateResidualSumOfSquares();
    }

    /**
     * Fits {@code response = design · b + e}.
     *
     * @param what     the regression's name for an error message
     * @param response the {@code n} values of the dependent variable
     * @param design   {@code n} rows of {@code k < n} regressors
     * @return the fit
     * @throws SingularRegressionException when the regressors are linearly dependent
     */
    static LeastSquares fit(String what, double[] response, double[][] design) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(response, design);
        try {
            return new LeastSquares(ols);
        } catch (SingularMatrixException e) {
            throw new SingularRegressionException(what + " on " + response.length
                    + " rows has linearly dependent regressors (is a series constant?)", e);
        }
    }

    double coefficient(int column) {
        return coefficients[column];
    }

    double standardError(int column) {
        return standardErrors[column];
    }

    double residualSumOfSquares() {
        return residualSumOfSquares;
    }

    int coefficientCount() {
        return coefficients.length;
    }

    double[] residuals() {
        return residuals.clone();
    }
}
