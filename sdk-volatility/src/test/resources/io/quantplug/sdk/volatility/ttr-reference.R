# Reference values of the range estimators for VolatilityTtrReferenceTest, by R's TTR::volatility.
#
# Run from the repository root (r-base-core and r-cran-ttr from Debian):
#   Rscript sdk-volatility/src/test/resources/io/quantplug/sdk/volatility/ttr-reference.R \
#     ../shared/data/binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv
#
# TTR's window n counts bars for close (n bars give n - 1 log returns, sample SD), parkinson, garman.klass and
# rogers.satchell, and periods with a previous close for yang.zhang; N = 365 annualises daily bars over a 365-day
# year. Each value printed is the one at the last bar.

suppressPackageStartupMessages(library(TTR))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript ttr-reference.R <path to Binance_BTCUSDT_d.csv>")

last <- function(x) as.numeric(x[length(x)])
report <- function(label, ohlc, bars) {
  cat(label, "\n")
  cat(sprintf("  close           %.15g\n", last(volatility(ohlc, n = bars, calc = "close", N = 365))))
  cat(sprintf("  parkinson       %.15g\n", last(volatility(ohlc, n = bars, calc = "parkinson", N = 365))))
  cat(sprintf("  garman.klass    %.15g\n", last(volatility(ohlc, n = bars, calc = "garman.klass", N = 365))))
  cat(sprintf("  rogers.satchell %.15g\n", last(volatility(ohlc, n = bars, calc = "rogers.satchell", N = 365))))
  cat(sprintf("  yang.zhang      %.15g\n", last(volatility(ohlc, n = bars - 1, calc = "yang.zhang", N = 365))))
}

# The six-bar fixture of VolatilityEstimatorsTest.
fixture <- cbind(Open  = c(100, 101.5, 103, 101.5, 99, 100.5),
                 High  = c(102, 104, 105, 103, 101, 106),
                 Low   = c(99, 100, 101, 98, 97, 100),
                 Close = c(101, 103, 102, 99, 100, 105))
report("fixture, 6 bars (yang.zhang n = 5)", fixture, 6)

# The last 30 daily bars of the BTCUSDT export (rows sorted by open time).
d <- read.csv(args[1], skip = 1, header = TRUE, stringsAsFactors = FALSE)
d <- d[order(d$Unix), ]
stopifnot(!anyDuplicated(d$Unix))
btc <- as.matrix(d[(nrow(d) - 29):nrow(d), c("Open", "High", "Low", "Close")])
cat(sprintf("BTCUSDT last 30 days: %s .. %s\n", d$Date[nrow(d) - 29], d$Date[nrow(d)]))
report("BTCUSDT, 30 bars (yang.zhang n = 29)", btc, 30)

cat(R.version.string, "\n")
cat("TTR", as.character(packageVersion("TTR")), "\n")

# ---------------------------------------------------------------------------------------------------------------
# Output on 2026-11-21, Debian 12 (bookworm), packages r-base-core 4.2.2.20221110-2 and r-cran-ttr 0.24.3-1+b1,
# command as above (Rscript ... ttr-reference.R ../shared/data/binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv):
#
#   fixture, 6 bars (yang.zhang n = 5) 
#     close           0.569207767920231
#     parkinson       0.501056449342637
#     garman.klass    0.525682058753367
#     rogers.satchell 0.513133972294488
#     yang.zhang      0.537284770335459
#   BTCUSDT last 30 days: 2026-01-15 .. 2026-02-14
#   BTCUSDT, 30 bars (yang.zhang n = 29) 
#     close           0.808757640940299
#     parkinson       0.72576648712744
#     garman.klass    0.694662281847663
#     rogers.satchell 0.674063230484097
#     yang.zhang      0.722074942808833
#   R version 4.2.2 Patched (2022-11-10 r83330) 
#   TTR 0.24.3 
