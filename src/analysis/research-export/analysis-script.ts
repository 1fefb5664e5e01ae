/**
 * `analysis.R` of the research export: reads the CSV files, reproduces Praxis's descriptives (dose by
 * month of relationship with type-7 quantiles, component mix), checks them against the figures Praxis
 * computed (results/), and fits a linear mixed model with a random intercept per engagement by REML with
 * lme4 (Bates, Mächler, Bolker & Walker 2015): dose → outcome where outcomes exist, else minutes per
 * month of relationship. Base R plus lme4, nothing else.
 */
export const analysisScript = String.raw`# Praxis research export: descriptives and a mixed model, reproduced from the CSV files.
#
# Run it in the folder the export was unzipped to:   Rscript analysis.R
# Needs R (4.0 or later) and lme4:                     install.packages("lme4")
# Prints its results and writes them to analysis-output/. Exits with status 1 if its descriptives
# or its mixed model differ from the figures Praxis computed (results/) by more than 1e-6 (relative
# to the value where it exceeds 1).

script_file <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
if (length(script_file) == 1) setwd(dirname(normalizePath(script_file)))

files <- c(
  engagements = "data/engagements.csv",
  interactions = "data/interactions.csv",
  component_minutes = "data/component_minutes.csv",
  outcomes = "data/outcomes.csv",
  dose_by_month = "results/dose_by_month.csv",
  component_mix = "results/component_mix.csv",
  mixed_model = "results/mixed_model.csv"
)
columns <- list(
  engagements = c("engagement_id", "start_date", "months_reached"),
  interactions = c("interaction_id", "engagement_id", "date", "relationship_month", "duration_minutes"),
  component_minutes = c("engagement_id", "relationship_month", "component_id", "minutes"),
  outcomes = c("engagement_id", "wave_number", "wave_date", "outcome_id", "level", "instrument_id", "score_id", "source", "unit_id", "mean"),
  dose_by_month = c("relationship_month", "engagements", "with_contact", "mean", "median", "q1", "q3", "total_minutes"),
  component_mix = c("relationship_month", "component_id", "share"),
  mixed_model = c("formula", "series", "term", "estimate", "se")
)

read_export <- function(name) {
  header <- names(read.csv(files[[name]], nrows = 0, check.names = FALSE))
  # Ids stay text even when every one looks like a number.
  classes <- ifelse(grepl("_id$", header), "character", NA)
  table <- read.csv(files[[name]], stringsAsFactors = FALSE, na.strings = "", check.names = FALSE, encoding = "UTF-8", colClasses = classes)
  missing <- setdiff(columns[[name]], names(table))
  if (length(missing) > 0) stop(files[[name]], " lacks the columns ", paste(missing, collapse = ", "))
  table
}
engagements <- read_export("engagements")
interactions <- read_export("interactions")
component_minutes <- read_export("component_minutes")
outcomes <- read_export("outcomes")
if (nrow(engagements) == 0) stop("The export holds no engagements.")

dir.create("analysis-output", showWarnings = FALSE)
show <- function(title, table) {
  cat("\n==", title, "==\n")
  print(table, row.names = FALSE)
}

# ---- Dose by month of relationship -------------------------------------------------------------
# One row per engagement and relationship month it has reached; months without contact are 0 minutes.
grid <- do.call(rbind, lapply(seq_len(nrow(engagements)), function(i)
  data.frame(engagement_id = engagements$engagement_id[i], relationship_month = seq_len(engagements$months_reached[i]))))
monthly <- if (nrow(interactions) > 0) {
  aggregate(duration_minutes ~ engagement_id + relationship_month, data = interactions, FUN = sum)
} else {
  data.frame(engagement_id = character(0), relationship_month = integer(0), duration_minutes = numeric(0))
}
dose <- merge(grid, monthly, by = c("engagement_id", "relationship_month"), all.x = TRUE)
names(dose)[names(dose) == "duration_minutes"] <- "minutes"
dose$minutes[is.na(dose$minutes)] <- 0

quantile7 <- function(x, p) unname(quantile(x, p, type = 7))
by_month <- split(dose$minutes, dose$relationship_month)
dose_by_month <- do.call(rbind, Map(function(month, x) data.frame(
  relationship_month = month, engagements = length(x), with_contact = sum(x > 0),
  mean = mean(x), median = quantile7(x, 0.5), q1 = quantile7(x, 0.25), q3 = quantile7(x, 0.75), total_minutes = sum(x)
), as.integer(names(by_month)), by_month))
dose_by_month <- dose_by_month[order(dose_by_month$relationship_month), ]
show("Minutes per engagement by month of relationship (mean, median, IQR; quantile type 7)", dose_by_month)
write.csv(dose_by_month, "analysis-output/dose_by_month.csv", row.names = FALSE)

# ---- Component mix over the relationship ---------------------------------------------------------
component_mix <- if (nrow(component_minutes) > 0) {
  aggregate(minutes ~ relationship_month + component_id, data = component_minutes, FUN = sum)
} else {
  data.frame(relationship_month = integer(0), component_id = character(0), minutes = numeric(0))
}
component_mix$share <- component_mix$minutes / ave(component_mix$minutes, component_mix$relationship_month, FUN = sum)
component_mix <- component_mix[order(component_mix$relationship_month, component_mix$component_id), ]
show("Share of component minutes by month of relationship", component_mix)
write.csv(component_mix, "analysis-output/component_mix.csv", row.names = FALSE)

# ---- Agreement with the figures Praxis computed --------------------------------------------------
agrees <- function(what, ours, praxis, keys, values) {
  both <- merge(ours, praxis, by = keys, suffixes = c("", ".praxis"))
  same <- nrow(both) == nrow(ours) && nrow(both) == nrow(praxis) &&
    all(vapply(values, function(v) {
      a <- both[[v]]
      b <- both[[paste0(v, ".praxis")]]
      all((is.na(a) & is.na(b)) | (!is.na(a) & !is.na(b) & abs(a - b) <= 1e-6 * pmax(1, abs(b))))
    }, logical(1)))
  cat(sprintf("%s: %s (%d rows)\n", what, if (same) "equal to Praxis's figures within 1e-6" else "DIFFERENT from Praxis's figures", nrow(ours)))
  same
}
cat("\n== Check ==\n")
checks <- c(
  agrees("dose by month", dose_by_month, read_export("dose_by_month"), "relationship_month", c("engagements", "with_contact", "mean", "median", "q1", "q3", "total_minutes")),
  agrees("component mix", component_mix[, c("relationship_month", "component_id", "share")], read_export("component_mix"), c("relationship_month", "component_id"), "share")
)

# ---- Linear mixed model (random intercept per engagement, REML) ----------------------------------
# Dose -> outcome where an outcome score was measured in at least three engagements: the wave's mean
# score against the hours of support before the wave, for the score measured in most engagements (the
# one Praxis chose, named in results/mixed_model.csv, when there is a tie). Otherwise minutes per
# engagement-month against the month of the relationship.
praxis_model <- read_export("mixed_model")
enough <- function(data) length(unique(data$engagement_id)) >= 3 && nrow(data) > length(unique(data$engagement_id))
scored <- outcomes[!is.na(outcomes$mean) & outcomes$source == "respondents", ]
series <- split(scored, paste(scored$outcome_id, scored$level, scored$instrument_id, scored$score_id, sep = " / "))
series <- Filter(enough, series)
if (length(series) > 0) {
  reach <- vapply(series, function(s) length(unique(s$engagement_id)), numeric(1))
  named <- if (nrow(praxis_model) > 0) praxis_model$series[1] else NA
  chosen <- if (!is.na(named) && named %in% names(series)[reach == max(reach)]) named else names(series)[which.max(reach)]
  model_data <- series[[chosen]]
  hours_before <- function(engagement, date) sum(interactions$duration_minutes[interactions$engagement_id == engagement & as.Date(interactions$date) <= as.Date(date)]) / 60
  model_data$dose_hours <- mapply(hours_before, model_data$engagement_id, model_data$wave_date)
  formula <- mean ~ dose_hours + (1 | engagement_id)
  cat("\n== Mixed model: mean score ~ hours of support before the wave + (1 | engagement), REML ==\n")
  cat("Outcome / level / instrument / score:", chosen, "\n")
} else {
  model_data <- dose
  formula <- minutes ~ relationship_month + (1 | engagement_id)
  cat("\n== Mixed model: minutes per month ~ month of relationship + (1 | engagement), REML ==\n")
  cat("(no outcome score was measured in three or more engagements, so no dose -> outcome model)\n")
}
if (length(unique(model_data$engagement_id)) < 2) {
  cat("Too few engagements (fewer than two) for a random intercept per engagement: no model fitted.\n")
} else if (length(unique(model_data[[all.vars(formula)[1]]])) < 2) {
  cat("The outcome has the same value everywhere (zero variance): no model fitted, as in results/mixed_model.csv.\n")
  checks <- c(checks, nrow(praxis_model) == 0)
} else {
  fit <- lme4::lmer(formula, data = model_data, REML = TRUE)
  print(summary(fit))
  coefficients <- summary(fit)$coefficients
  fixed <- data.frame(term = rownames(coefficients), estimate = coefficients[, "Estimate"], se = coefficients[, "Std. Error"], row.names = NULL)
  variance <- as.data.frame(lme4::VarCorr(fit))[, c("grp", "vcov", "sdcor")]
  names(variance) <- c("component", "variance", "sd")
  show("Fixed effects", fixed)
  show("Variance components", variance)
  cat("REML criterion:", lme4::REMLcrit(fit), " observations:", nrow(model_data), " engagements:", length(unique(model_data$engagement_id)), "\n")
  write.csv(fixed, "analysis-output/mixed_model_fixed_effects.csv", row.names = FALSE)
  write.csv(variance, "analysis-output/mixed_model_variance_components.csv", row.names = FALSE)
  ours <- rbind(fixed, data.frame(term = paste(variance$component, "(variance)"), estimate = variance$variance, se = NA))
  checks <- c(checks, agrees("mixed model", ours, praxis_model[, c("term", "estimate", "se")], "term", c("estimate", "se")))
}

# ---- Coaching tables (only when the organization lets coaching into the export) -------------------
coaching_files <- c(
  coaching_ratings = "data/coaching_ratings.csv",
  coaching_activity_ratings = "data/coaching_activity_ratings.csv",
  coaching_self_ratings = "data/coaching_self_ratings.csv"
)
coaching_columns <- list(
  coaching_ratings = c("record_id", "record_kind", "engagement_id", "interaction_id", "practitioner_id", "coach_id", "date", "component_id", "quality", "activities_rated"),
  coaching_activity_ratings = c("record_id", "engagement_id", "interaction_id", "practitioner_id", "coach_id", "component_id", "activity_id", "rating"),
  coaching_self_ratings = c("record_id", "practitioner_id", "date", "component_id", "rating")
)
present <- file.exists(coaching_files)
if (any(present)) {
  cat("\n== Coaching tables ==\n")
  files <- c(files, coaching_files)
  columns <- c(columns, coaching_columns)
  verified <- function(what, ok) {
    cat(sprintf("%s: %s\n", what, if (ok) "yes" else "NO"))
    ok
  }
  checks <- c(checks, verified("all three coaching tables are present", all(present)))
  if (all(present)) {
    ratings <- read_export("coaching_ratings")
    activity_ratings <- read_export("coaching_activity_ratings")
    self_ratings <- read_export("coaching_self_ratings")
    user <- "^U-[0-9a-f]{16}$"
    rated <- rbind(
      ratings[, c("record_id", "engagement_id", "interaction_id", "practitioner_id", "coach_id")],
      activity_ratings[, c("record_id", "engagement_id", "interaction_id", "practitioner_id", "coach_id")]
    )
    reviewed <- merge(ratings[ratings$record_kind == "review", c("interaction_id", "practitioner_id")],
      interactions[, c("interaction_id", "logged_by")], by = "interaction_id")
    activities_rated <- table(factor(paste(activity_ratings$record_id, activity_ratings$component_id),
      levels = paste(ratings$record_id, ratings$component_id)))
    checks <- c(checks,
      verified("coach quality ratings are whole numbers 1-5 or empty", all(is.na(ratings$quality) | ratings$quality %in% 1:5)),
      verified("self-ratings are whole numbers 1-5", all(self_ratings$rating %in% 1:5)),
      verified("activity ratings are as-defined, partly, not-done or not-applicable",
        all(activity_ratings$rating %in% c("as-defined", "partly", "not-done", "not-applicable"))),
      verified("every activity rating belongs to a component rating, as many as activities_rated says",
        all(as.vector(activities_rated[paste(ratings$record_id, ratings$component_id)]) == ratings$activities_rated) &&
          sum(activities_rated) == nrow(activity_ratings)),
      verified("practitioners and coaches are user pseudonyms (U-), and nobody rates themselves",
        all(grepl(user, c(rated$practitioner_id, rated$coach_id, self_ratings$practitioner_id))) &&
          all(rated$practitioner_id != rated$coach_id)),
      verified("every rated engagement is in data/engagements.csv", all(rated$engagement_id %in% engagements$engagement_id)),
      verified("every rated interaction is in data/interactions.csv", all(is.na(rated$interaction_id) | rated$interaction_id %in% interactions$interaction_id)),
      verified("every reviewed practitioner logged the interaction reviewed (logged_by)",
        nrow(reviewed) == sum(ratings$record_kind == "review") && all(reviewed$practitioner_id == reviewed$logged_by))
    )
    quality <- ratings[!is.na(ratings$quality), ]
    coach_quality <- if (nrow(quality) > 0) {
      aggregate(quality ~ component_id, data = quality, FUN = function(x) c(n = length(x), mean = mean(x)))
    } else {
      data.frame(component_id = character(0))
    }
    show("Coach quality ratings by component (n, mean)", coach_quality)
    write.csv(do.call(data.frame, coach_quality), "analysis-output/coaching_quality_by_component.csv", row.names = FALSE)
  }
}

if (!all(checks)) quit(status = 1)
`;
