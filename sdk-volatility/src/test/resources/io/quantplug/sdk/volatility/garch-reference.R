# Reference GARCH(1,1) fit for GarchFgarchReferenceTest, by R's fGarch.
#
# Run from the repository root (r-base-core and r-cran-fgarch from Debian):
#   Rscript sdk-volatility/src/test/resources/io/quantplug/sdk/volatility/garch-reference.R \
#     ../shared/data/binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv
#
# The returns are exactly the test's: the file's closes (line 1 is the publisher's banner, line 2 the header, rows
# newest first) sorted by the Unix open time, no duplicate day, r_t = 100 * ln(C_t / C_{t-1}) over consecutive rows
# (the two days missing from the export, 2026-01-08 and 2026-01-20, make two 2-day returns in both fits).
#
# fGarch's defaults kept: init.rec = "mci" (sigma^2_1 = omega + (alpha + beta) * mean((r - mu)^2)), the series
# scaled by its standard deviation while optimising, algorithm "nlminb" + parameters rescaled afterwards.
# fit@fit$llh is the NEGATIVE log-likelihood (what the optimiser minimised); the log-likelihood is -fit@fit$llh,
# which this script also recomputes from the coefficients with the same recursion as a check.

suppressPackageStartupMessages(library(fGarch))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript garch-reference.R <path to Binance_BTCUSDT_d.csv>")

d <- read.csv(args[1], skip = 1, header = TRUE, stringsAsFactors = FALSE)
d <- d[order(d$Unix), ]
stopifnot(!anyDuplicated(d$Unix), !anyDuplicated(d$Date), all(d$Close > 0))
r <- 100 * diff(log(d$Close))
cat(sprintf("rows %d, returns %d, first day %s, last day %s\n", nrow(d), length(r), d$Date[1], d$Date[nrow(d)]))
cat(sprintf("sum(r) = %.12f, sum(r^2) = %.12f\n", sum(r), sum(r^2)))

fit <- garchFit(~garch(1, 1), data = r, cond.dist = "norm", include.mean = TRUE, trace = FALSE)
co <- coef(fit)
cat(sprintf("mu     = %.12g\nomega  = %.12g\nalpha1 = %.12g\nbeta1  = %.12g\n",
            co[["mu"]], co[["omega"]], co[["alpha1"]], co[["beta1"]]))
cat(sprintf("fit@fit$llh (negative log-likelihood) = %.10f\n", fit@fit$llh))
cat(sprintf("log-likelihood = -fit@fit$llh = %.10f\n", -fit@fit$llh))

# The same log-likelihood recomputed by hand: mci start, every observation, constant included.
eps <- r - co[["mu"]]
n <- length(r)
h <- numeric(n)
h[1] <- co[["omega"]] + (co[["alpha1"]] + co[["beta1"]]) * mean(eps^2)
for (t in 2:n) h[t] <- co[["omega"]] + co[["alpha1"]] * eps[t - 1]^2 + co[["beta1"]] * h[t - 1]
cat(sprintf("log-likelihood recomputed = %.10f\n", sum(dnorm(eps, 0, sqrt(h), log = TRUE))))
cat(sprintf("sigma^2_n = %.12g, fitted h.t[n] = %.12g\n", h[n], fit@h.t[n]))

p <- predict(fit, n.ahead = 10)
cat("predict(fit, n.ahead = 10)$standardDeviation:\n")
cat(sprintf("  h = %2d: %.12g\n", seq_len(10), p$standardDeviation), sep = "")

cat(R.version.string, "\n")
cat("fGarch", as.character(packageVersion("fGarch")), "\n")

# ---------------------------------------------------------------------------------------------------------------
# Output on 2026-11-21, Debian 12 (bookworm), packages r-base-core 4.2.2.20221110-2 and r-cran-fgarch 4022.89-1,
# command as above (Rscript ... garch-reference.R ../shared/data/binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv):
#
#   rows 3102, returns 3101, first day 2017-08-17, last day 2026-02-14
#   sum(r) = 279.082353063443, sum(r^2) = 40618.070230212979
#   mu     = 0.132060793298
#   omega  = 0.474443435961
#   alpha1 = 0.103199909452
#   beta1  = 0.868831205982
#   fit@fit$llh (negative log-likelihood) = 8132.5190058288
#   log-likelihood = -fit@fit$llh = -8132.5190058288
#   log-likelihood recomputed = -8132.5190058289
#   sigma^2_n = 21.4625631541, fitted h.t[n] = 21.4625631541
#   predict(fit, n.ahead = 10)$standardDeviation:
#     h =  1: 4.39170196612
#     h =  2: 4.3842961154
#     h =  3: 4.37708538848
#     h =  4: 4.37006493417
#     h =  5: 4.36323000769
#     h =  6: 4.35657596902
#     h =  7: 4.35009828121
#     h =  8: 4.34379250874
#     h =  9: 4.33765431582
#     h = 10: 4.33167946471
#   R version 4.2.2 Patched (2022-11-10 r83330) 
#   fGarch 4022.89 
