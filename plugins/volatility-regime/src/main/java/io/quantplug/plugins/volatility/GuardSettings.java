package io.quantplug.plugins.volatility;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;

/**
 * The thresholds of the {@code black-swan-guard} (see {@link BlackSwanGuardRule} for the rule they drive).
 *
 * @param forecast     the sigma forecast
 * @param warmUpBars   returns before the guard is armed, &ge; {@value VolatilityForecast#MIN_RETURNS}
 * @param shockSigmas  k: a return with {@code |r_t| > k sigma_{t|t-1}} trips
 * @param jumpRatio    m: a forecast with {@code sigma_{t+1|t} / sigma_{t+1-n|t-n} > m} trips
 * @param jumpLagBars  n, bars between the two forecasts compared
 * @param resetBars    R: calm bars in a row that resume trading
 * @param resetSigmas  k_reset &le; k: a calm bar has {@code |r_t| < k_reset sigma_{t|t-1}}
 * @param resetRatio   m_reset &le; m: a calm bar has {@code sigma_{t+1|t} / sigma_{t+1-n|t-n} < m_reset}
 */
record GuardSettings(ForecastSettings forecast, int warmUpBars, double shockSigmas, double jumpRatio,
                     int jumpLagBars, int resetBars, double resetSigmas, double resetRatio) {

    /**
     * Reads and cross-checks the guard's parameters.
     *
     * @param p parameters resolved against {@link BlackSwanGuardProvider}'s schema
     * @return the settings
     * @throws InvalidParameterException when {@code resetSigmas > shockSigmas} or {@code resetRatio > jumpRatio}
     *                                   (a calm bar must not be one that trips); the message names the parameter
     */
    static GuardSettings of(Parameters p) {
        double k = p.getDouble(BlackSwanGuardProvider.SHOCK_SIGMAS);
        double kReset = p.getDouble(BlackSwanGuardProvider.RESET_SIGMAS);
        double m = p.getDouble(BlackSwanGuardProvider.JUMP_RATIO);
        double mReset = p.getDouble(BlackSwanGuardProvider.RESET_RATIO);
        if (kReset > k) {
            throw new InvalidParameterException(BlackSwanGuardProvider.RESET_SIGMAS, "parameter '"
                    + BlackSwanGuardProvider.RESET_SIGMAS + "' = " + kReset + " must not exceed "
                    + BlackSwanGuardProvider.SHOCK_SIGMAS + " (" + k + ")");
        }
        if (mReset > m) {
            throw new InvalidParameterException(BlackSwanGuardProvider.RESET_RATIO, "parameter '"
                    + BlackSwanGuardProvider.RESET_RATIO + "' = " + mReset + " must not exceed "
                    + BlackSwanGuardProvider.JUMP_RATIO + " (" + m + ")");
        }
        return new GuardSettings(ForecastSettings.of(p), p.getInt(BlackSwanGuardProvider.WARM_UP_BARS), k, m,
                p.getInt(BlackSwanGuardProvider.JUMP_LAG_BARS), p.getInt(BlackSwanGuardProvider.RESET_BARS), kReset,
                mReset);
    }
}
