# Times lme4::lmer(outcome ~ dose + wave + (1 | engagement), REML = TRUE) on a CSV written by
# bench/stats.ts, with lme4's default settings. Reading the file and loading lme4 are not timed.
#
#   Rscript bench/lmm.R FILE [REPEATS]
#
# Prints one JSON object: the elapsed seconds of every fit and the estimates of the last one.
suppressPackageStartupMessages({
  library(lme4)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
repeats <- if (length(args) >= 2) as.integer(args[2]) else 5L
seconds <- numeric(repeats)
for (k in seq_len(repeats)) {
  started <- proc.time()[["elapsed"]]
  fit <- lmer(outcome ~ dose + wave + (1 | engagement), data = data, REML = TRUE)
  seconds[k] <- proc.time()[["elapsed"]] - started
}
vc <- as.data.frame(VarCorr(fit))
cat(toJSON(list(
  seconds = seconds,
  estimate = unname(fixef(fit)),
  se = unname(sqrt(diag(as.matrix(vcov(fit))))),
  group_variance = vc$vcov[1],
  residual_variance = vc$vcov[2],
  log_likelihood = as.numeric(logLik(fit))
), digits = NA, auto_unbox = TRUE), "\n")
