# Reference values for CointegrationReferenceTest: ADF statistics by R's urca::ur.df and tseries::adf.test, and the
# Engle-Granger two-step test (lm, then urca::ur.df on the residuals), on log closes of real Binance spot pairs.
#
# Run from the repository root (Debian packages r-base-core, r-cran-urca, r-cran-tseries):
#   Rscript sdk-statistics/src/test/resources/io/quantplug/sdk/statistics/cointegration-reference.R \
#     ../shared/data/binance-spot-1h-2021-2023 > sdk-statistics/src/test/resources/io/quantplug/sdk/statistics/cointegration-reference.txt
#
# Each pair is the inner join of the two files on the bar's open time (both lack the same 12 outage hours; rows are
# used as they are, nothing is filled) over [from, to), UTC. y and x are natural logs of the closes. Every line of
# the output is "<kind> key=value ...", numbers printed with sprintf("%.12g"); the Java test recomputes each line.
#   adf     urca::ur.df(series, type, lags, selectlags): tau (t value of z.lag.1), gamma (its coefficient), se (its
#           standard error), used (lagged differences in the final regression), nobs (its rows)
#   tseries tseries::adf.test(series, k = k): statistic and p.value (constant + trend, interpolated table)
#   eg      Engle-Granger: lm(y ~ x) gives alpha and beta; ur.df(residuals, type = "none", lags, selectlags)
#   roll    lm(y ~ x) on the `window` rows ending at row `end` (1-based): alpha, beta, spread = last residual,
#           z = spread / sd(residuals of the window)

suppressPackageStartupMessages({
  library(urca)
  library(tseries)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript cointegration-reference.R <path to binance-spot-1h-2021-2023>")
dir <- args[1]

f <- function(v) sprintf("%.12g", v)
closes <- function(symbol) {
  d <- read.csv(file.path(dir, paste0(symbol, "_1h.csv")), stringsAsFactors = FALSE)
  d[, c("date", "close")]
}

adf_line <- function(label, series, type, lags, select, prefix = "adf") {
  t <- ur.df(series, type = type, lags = lags, selectlags = select)
  co <- coef(t@testreg)
  deterministic <- switch(type, none = 0, drift = 1, trend = 2)
  used <- nrow(co) - deterministic - 1
  cat(prefix, label, sprintf("type=%s lags=%d select=%s", type, lags, select),
      paste0("tau=", f(co["z.lag.1", 3])), paste0("gamma=", f(co["z.lag.1", 1])),
      paste0("se=", f(co["z.lag.1", 2])), sprintf("used=%d nobs=%d", used, length(residuals(t@testreg))), "\n")
}

pair <- function(ySymbol, xSymbol, from, to, rollWindow) {
  m <- merge(closes(ySymbol), closes(xSymbol), by = "date")
  m <- m[m$date >= from & m$date < to, ]
  stopifnot(!is.unsorted(m$date), !anyDuplicated(m$date))
  y <- log(m$close.x)
  x <- log(m$close.y)
  cat(sprintf("pair y=%s x=%s from=%s to=%s rows=%d first=%s last=%s\n", ySymbol, xSymbol, from, to, nrow(m),
              sub(" ", "T", m$date[1]), sub(" ", "T", m$date[nrow(m)])))
  for (s in list(list("series=y", y), list("series=x", x))) {
    for (type in c("none", "drift", "trend")) {
      adf_line(s[[1]], s[[2]], type, 0, "Fixed")
      adf_line(s[[1]], s[[2]], type, 2, "Fixed")
    }
    adf_line(s[[1]], s[[2]], "drift", 24, "AIC")
    adf_line(s[[1]], s[[2]], "trend", 24, "BIC")
    for (k in c(trunc((length(s[[2]]) - 1)^(1 / 3)), 2)) {
      a <- adf.test(s[[2]], k = k)
      cat("tseries", s[[1]], sprintf("k=%d", k), paste0("statistic=", f(a$statistic)),
          paste0("p=", f(a$p.value)), "\n")
    }
  }
  fit <- lm(y ~ x)
  e <- as.vector(residuals(fit))
  ab <- sprintf("alpha=%s beta=%s", f(coef(fit)[1]), f(coef(fit)[2]))
  adf_line(ab, e, "none", 0, "Fixed", "eg")
  adf_line(ab, e, "none", 1, "Fixed", "eg")
  adf_line(ab, e, "none", 12, "AIC", "eg")
  for (end in c(rollWindow, nrow(m) %/% 2, nrow(m))) {
    rows <- (end - rollWindow + 1):end
    w <- lm(y[rows] ~ x[rows])
    r <- as.vector(residuals(w))
    cat("roll", sprintf("window=%d end=%d", rollWindow, end), paste0("alpha=", f(coef(w)[1])),
        paste0("beta=", f(coef(w)[2])), paste0("spread=", f(r[rollWindow])),
        paste0("z=", f(r[rollWindow] / sd(r))), "\n")
  }
}

# A twelve-value fixture that needs no data (AugmentedDickeyFullerTest keeps the same numbers).
fixture <- c(10, 10.4, 10.1, 10.9, 11.3, 10.8, 11.6, 12.0, 11.7, 12.5, 12.2, 12.9)
cat("fixture rows=12\n")
for (type in c("none", "drift", "trend")) adf_line("series=fixture", fixture, type, 1, "Fixed")
adf_line("series=fixture", fixture, "drift", 3, "AIC")
for (k in 1:2) {
  a <- adf.test(fixture, k = k)
  cat("tseries series=fixture", sprintf("k=%d", k), paste0("statistic=", f(a$statistic)), paste0("p=", f(a$p.value)),
      "\n")
}

pair("ETHUSDT", "BTCUSDT", "2022-01-01", "2023-01-01", 720)
pair("SOLUSDT", "AVAXUSDT", "2023-01-01", "2023-07-01", 720)
pair("BTCUSDT", "AVAXUSDT", "2022-07-01", "2023-01-01", 336)

cat("#", R.version.string, "| urca", as.character(packageVersion("urca")), "| tseries",
    as.character(packageVersion("tseries")), "\n")
