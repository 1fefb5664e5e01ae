import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { cohenKappa, type KappaEstimate } from '../../analysis/stats/cohen-kappa.ts';
import {
  categoryColumns,
  groupedValues,
  numericColumns,
  ratingMatrixFromLong,
  ratingMatrixFromWide,
  readDataTable,
  selectGroups,
  type DataTable,
} from '../../analysis/stats/data-table.ts';
import { intraclassCorrelation, type IccRow } from '../../analysis/stats/intraclass-correlation.ts';
import { kruskalWallis } from '../../analysis/stats/kruskal-wallis.ts';
import { fitRandomInterceptModel, type FixedEffect } from '../../analysis/stats/linear-mixed-model.ts';
import { mannWhitney } from '../../analysis/stats/mann-whitney.ts';
import { olsClusterRobust, type RegressionCoefficient } from '../../analysis/stats/ols-cluster-robust.ts';
import { adjustPValues, type PAdjustMethod } from '../../analysis/stats/p-adjust.ts';
import type { Alternative, ConfidenceInterval, EffectSize } from '../../analysis/stats/result.ts';
import { spearman } from '../../analysis/stats/spearman.ts';
import { wilcoxonSignedRank } from '../../analysis/stats/wilcoxon-signed-rank.ts';
import { countOf } from '../../domain/count-of.ts';

/** Where the command writes its results; tests pass their own. */
export type StatsOutput = (text: string) => void;

interface CommonOptions {
  data: string;
  json?: boolean;
  confLevel: string;
}

/**
 * `praxis stats`: the statistics of src/analysis/stats on any CSV file, so researchers get the same
 * numbers outside the app. A readable table by default, `--json` for scripts.
 */
export function statsCommand(output: StatsOutput = (text) => process.stdout.write(text)): Command {
  const stats = new Command('stats').description(
    'Run a statistical test or model on a CSV file (results match R; see each subcommand)',
  );

  withCommon(stats.command('mann-whitney'))
    .description('Mann–Whitney U / Wilcoxon rank-sum test of VALUE between the two groups of GROUP (R: wilcox.test)')
    .requiredOption(
      '--group <column>',
      "column with the group labels; x is the first group in R's order (numbers numerically, text as R sorts it in en_US.UTF-8: control before Treatment)",
    )
    .requiredOption('--value <column>', 'numeric column to compare')
    .option('--groups <a,b>', 'the two labels of GROUP to compare, x first (default: the column must have exactly two)')
    .addOption(alternativeOption())
    .action((options: CommonOptions & { group: string; value: string; groups?: string; alternative: Alternative }) => {
      const table = readTable(options.data);
      const grouped = groupedValues(table, options.group, options.value);
      const { labels, samples, dropped } = options.groups
        ? selectGroups(
            grouped,
            options.groups.split(',').map((l) => l.trim()),
            options.group,
          )
        : grouped;
      if (labels.length !== 2) {
        throw new AppError(
          'validation_failed',
          `Mann–Whitney U compares exactly 2 groups; column ${options.group} has ${labels.length}: ${labels.join(', ')} (choose two with --groups)`,
          [{ path: options.group, message: `${labels.length} groups` }],
        );
      }
      const result = mannWhitney(samples[0] as number[], samples[1] as number[], {
        alternative: options.alternative,
        confLevel: confLevelOf(options),
      });
      const warnings = [...droppedWarning(dropped), ...result.warnings];
      // W, the shift and its interval are those of x against y: name both, so a reader never guesses.
      const [x, y] = labels as [string, string];
      const report = {
        test: 'mann-whitney',
        method: result.method,
        x,
        y,
        groups: labels.map((label, k) => ({ label, role: k === 0 ? 'x' : 'y', n: (samples[k] as number[]).length })),
        n: result.n,
        statisticName: result.statisticName,
        statistic: result.statistic,
        p: result.p,
        alternative: result.alternative,
        estimateName: `difference in location, ${x} − ${y} (Hodges–Lehmann)`,
        estimate: result.estimate.value,
        ci: interval(result.estimate.ci),
        effectSizes: result.effectSizes,
        assumptions: result.assumptions,
        warnings,
      };
      emit(output, options, report, () => [
        `${result.method} (Mann–Whitney U)`,
        `  groups: x = ${x} (n = ${report.groups[0]!.n}) vs y = ${y} (n = ${report.groups[1]!.n})`,
        `  ${result.statisticName} = ${num(result.statistic)} (for x = ${x})   p = ${pValue(result.p)}   (${result.alternative})`,
        `  ${report.estimateName}: ${num(result.estimate.value)}   ${ciText(result.estimate.ci)}`,
        ...effectLines(result.effectSizes),
      ]);
    });

  withCommon(stats.command('kruskal-wallis'))
    .description('Kruskal–Wallis rank-sum test of VALUE across the groups of GROUP, tie corrected (R: kruskal.test)')
    .requiredOption('--group <column>', 'column with the group labels')
    .requiredOption('--value <column>', 'numeric column to compare')
    .action((options: CommonOptions & { group: string; value: string }) => {
      const table = readTable(options.data);
      const { labels, samples, dropped } = groupedValues(table, options.group, options.value);
      const result = kruskalWallis(samples);
      const report = {
        test: 'kruskal-wallis',
        method: result.method,
        groups: labels.map((label, k) => ({
          label,
          n: result.groupSummaries[k]?.n,
          meanRank: result.groupSummaries[k]?.meanRank,
        })),
        n: result.n,
        statisticName: 'chi-squared (H)',
        statistic: result.statistic,
        df: result.df,
        p: result.p,
        estimateName: 'epsilon squared',
        estimate: result.effectSizes[0]?.value,
        effectSizes: result.effectSizes,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(dropped), ...result.warnings],
      };
      emit(output, options, report, () => [
        result.method,
        ...report.groups.map((g) => `  ${g.label}: n = ${g.n}, mean rank = ${num(g.meanRank ?? 0)}`),
        `  H = ${num(result.statistic)}   df = ${result.df}   p = ${pValue(result.p)}`,
        ...effectLines(result.effectSizes),
      ]);
    });

  withCommon(stats.command('wilcoxon'))
    .description(
      'Wilcoxon signed-rank test of the paired differences AFTER − BEFORE; zero differences dropped (R: wilcox.test(paired = TRUE))',
    )
    .requiredOption('--before <column>', 'numeric column, first measurement')
    .requiredOption('--after <column>', 'numeric column, second measurement')
    .addOption(alternativeOption())
    .action((options: CommonOptions & { before: string; after: string; alternative: Alternative }) => {
      const table = readTable(options.data);
      const { columns, dropped } = numericColumns(table, [options.before, options.after]);
      const result = wilcoxonSignedRank(columns[0] as number[], columns[1] as number[], {
        alternative: options.alternative,
        confLevel: confLevelOf(options),
      });
      const report = {
        test: 'wilcoxon',
        method: result.method,
        n: result.n,
        pairs: result.pairs,
        zeros: result.zeros,
        statisticName: result.statisticName,
        statistic: result.statistic,
        p: result.p,
        alternative: result.alternative,
        estimateName: '(pseudo)median of after − before (Hodges–Lehmann)',
        estimate: result.estimate.value,
        ci: interval(result.estimate.ci),
        effectSizes: result.effectSizes,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(dropped), ...result.warnings],
      };
      emit(output, options, report, () => [
        result.method,
        `  pairs: ${result.pairs}, non-zero differences: ${result.n}`,
        `  ${result.statisticName} = ${num(result.statistic)}   p = ${pValue(result.p)}   (${result.alternative})`,
        `  ${report.estimateName}: ${num(result.estimate.value)}   ${ciText(result.estimate.ci)}`,
        ...effectLines(result.effectSizes),
      ]);
    });

  withCommon(stats.command('spearman'))
    .description('Spearman\'s rank correlation test of X and Y (R: cor.test(method = "spearman"))')
    .requiredOption('--x <column>', 'numeric column')
    .requiredOption('--y <column>', 'numeric column')
    .addOption(alternativeOption())
    .action((options: CommonOptions & { x: string; y: string; alternative: Alternative }) => {
      const table = readTable(options.data);
      const { columns, dropped } = numericColumns(table, [options.x, options.y]);
      const result = spearman(columns[0] as number[], columns[1] as number[], {
        alternative: options.alternative,
        confLevel: confLevelOf(options),
      });
      const report = {
        test: 'spearman',
        method: result.method,
        n: result.n,
        statisticName: result.statisticName,
        statistic: result.statistic,
        p: result.p,
        pMethod: result.pBranch,
        alternative: result.alternative,
        estimateName: 'rho',
        estimate: result.estimate.value,
        ci: result.estimate.ci ? interval(result.estimate.ci) : null,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(dropped), ...result.warnings],
      };
      emit(output, options, report, () => [
        `${result.method}, n = ${result.n}`,
        `  rho = ${num(result.estimate.value)}   ${result.estimate.ci ? ciText(result.estimate.ci) : ''}`,
        `  ${result.statisticName} = ${num(result.statistic)}   p = ${pValue(result.p)}   (${result.alternative}; ${result.pBranch})`,
      ]);
    });

  stats
    .command('p-adjust')
    .description('Adjust p-values for multiple testing: Holm or Benjamini–Hochberg (R: p.adjust)')
    .addOption(new Option('--method <method>', 'adjustment').choices(['holm', 'bh']).makeOptionMandatory())
    .option('--json', 'print JSON instead of a table')
    .argument('<p...>', 'p-values; NA for a missing one, kept in place as R does')
    .action((values: string[], options: { method: PAdjustMethod; json?: boolean }) => {
      const p = values.map((text, i) => {
        if (text.trim() === 'NA') return null;
        const value = Number(text);
        if (text.trim() === '' || !Number.isFinite(value)) {
          throw new AppError(
            'validation_failed',
            `p-value ${i + 1} is not a number: ${JSON.stringify(text)} (write NA for a missing one)`,
            [{ path: `p[${i}]`, message: 'not a number' }],
          );
        }
        return value;
      });
      const result = adjustPValues(p, options.method);
      const method = options.method === 'holm' ? 'Holm (1979)' : 'Benjamini–Hochberg (1995)';
      const report = { test: 'p-adjust', method, n: result.n, p, adjusted: result.adjusted, warnings: result.warnings };
      emit(output, options, report, () => [
        `${method} adjustment of ${result.n} p-values${result.n < p.length ? ` (${p.length - result.n} missing, kept as NA)` : ''}`,
        ...alignColumns([
          ['p', 'adjusted'],
          ...p.map((value, i) => [pOrNA(value), pOrNA(result.adjusted[i] ?? null)]),
        ]).map((line) => `  ${line}`),
      ]);
    });

  withCommon(stats.command('ols'))
    .description(
      'Linear regression with CR1 cluster-robust standard errors, t tests on G − 1 df (R: lm + sandwich::vcovCL(type = "HC1"))',
    )
    .requiredOption('--outcome <column>', 'numeric outcome')
    .option('--predictors <columns>', 'comma-separated numeric predictors (none: intercept only)')
    .requiredOption('--cluster <column>', 'cluster (e.g. engagement) column')
    .action((options: CommonOptions & { outcome: string; predictors?: string; cluster: string }) => {
      const table = readTable(options.data);
      const names = predictorNames(options.predictors);
      const { columns, labels, dropped } = numericColumns(table, [options.outcome, ...names], options.cluster);
      const result = olsClusterRobust(
        {
          outcome: columns[0] as number[],
          predictors: names.map((name, k) => ({ name, values: columns[k + 1] as number[] })),
          cluster: labels,
        },
        { confLevel: confLevelOf(options) },
      );
      const report = {
        test: 'ols',
        method: result.method,
        n: result.n,
        clusters: result.clusters,
        df: result.df,
        rSquared: result.rSquared,
        coefficients: result.coefficients,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(dropped), ...result.warnings],
      };
      emit(output, options, report, () => [
        `${result.method}`,
        `  n = ${result.n}, clusters = ${result.clusters}, t tests on ${result.df} df, R² = ${num(result.rSquared)}`,
        ...coefficientTable(result.coefficients),
      ]);
    });

  withCommon(stats.command('lmm'))
    .description(
      'Linear mixed model with a random intercept per GROUP, fitted by REML (R: lme4::lmer(y ~ x + (1 | group), REML = TRUE))',
    )
    .requiredOption('--outcome <column>', 'numeric outcome')
    .option('--predictors <columns>', 'comma-separated numeric predictors (none: intercept only)')
    .requiredOption('--group <column>', 'grouping column (e.g. engagement)')
    .action((options: CommonOptions & { outcome: string; predictors?: string; group: string }) => {
      const table = readTable(options.data);
      const names = predictorNames(options.predictors);
      const { columns, labels, dropped } = numericColumns(table, [options.outcome, ...names], options.group);
      const result = fitRandomInterceptModel(
        {
          outcome: columns[0] as number[],
          predictors: names.map((name, k) => ({ name, values: columns[k + 1] as number[] })),
          group: labels,
        },
        { confLevel: confLevelOf(options) },
      );
      const report = {
        test: 'lmm',
        method: result.method,
        n: result.n,
        groups: result.groups,
        coefficients: result.fixedEffects,
        varianceComponents: { group: result.variance.group, residual: result.variance.residual },
        sd: result.sd,
        icc: result.icc,
        logLikelihood: result.logLikelihood,
        singular: result.singular,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(dropped), ...result.warnings],
      };
      emit(output, options, report, () => [
        `${result.method}`,
        `  n = ${result.n}, groups = ${result.groups}, REML log-likelihood = ${num(result.logLikelihood)}`,
        ...coefficientTable(result.fixedEffects),
        '  (df and p: Satterthwaite, as lmerTest; interval: Wald)',
        '  variance components',
        ...alignColumns([
          ['group', 'variance', 'sd'],
          ['group intercept', num(result.variance.group), num(result.sd.group)],
          ['residual', num(result.variance.residual), num(result.sd.residual)],
        ]).map((line) => `  ${line}`),
        `  intraclass correlation = ${num(result.icc)}`,
      ]);
    });

  withCommon(stats.command('kappa'))
    .description(
      "Cohen's kappa and weighted kappa (quadratic weights) of two raters' categories X and Y (Cohen 1960, 1968; R: psych::cohen.kappa)",
    )
    .requiredOption(
      '--x <column>',
      'first rater: a category per row (numbers are ordered numerically, text as R sorts it)',
    )
    .requiredOption('--y <column>', 'second rater, same rows')
    .action((options: CommonOptions & { x: string; y: string }) => {
      const table = readTable(options.data);
      const [x, y] = categoryColumns(table, [options.x, options.y]) as [CategoryCells, CategoryCells];
      const result = cohenKappa(x, y, { alpha: 1 - confLevelOf(options) });
      const kappaReport = (estimate: KappaEstimate): Record<string, unknown> => ({
        value: estimate.value,
        variance: estimate.variance,
        ci: interval(estimate.ci),
      });
      const report = {
        test: 'kappa',
        method: result.method,
        reference: result.reference,
        x: options.x,
        y: options.y,
        n: result.n,
        levels: result.levels,
        table: result.table,
        observedAgreement: result.observedAgreement,
        expectedAgreement: result.expectedAgreement,
        kappa: kappaReport(result.unweighted),
        weightedKappa: { ...kappaReport(result.weighted), weights: result.weighted.weights },
        assumptions: result.assumptions,
        warnings: [...droppedWarning(result.dropped), ...result.warnings],
      };
      const line = (name: string, estimate: KappaEstimate): string =>
        `  ${name} = ${num(estimate.value)}   ${ciText(estimate.ci)}   (variance ${num(estimate.variance)})`;
      emit(output, options, report, () => [
        `${result.method}`,
        `  ${result.reference}`,
        `  x = ${options.x}, y = ${options.y}: n = ${result.n} pairs, categories ${result.levels.join(', ')}`,
        `  observed agreement ${num(result.observedAgreement)}, expected by chance ${num(result.expectedAgreement)}`,
        line('kappa', result.unweighted),
        line('weighted kappa (quadratic)', result.weighted),
      ]);
    });

  withCommon(stats.command('icc'))
    .description(
      'Intraclass correlations ICC(1,1) to ICC(3,k) with F tests and intervals (Shrout & Fleiss 1979; R: psych::ICC, lmer = TRUE)',
    )
    .option('--targets <column>', 'long form: the rated target (e.g. interaction) of each row')
    .option('--raters <column>', 'long form: who gave the rating')
    .option('--ratings <column>', 'long form: the numeric rating')
    .option(
      '--columns <columns>',
      'wide form instead: comma-separated numeric columns, one per rater, a row per target',
    )
    .action((options: CommonOptions & { targets?: string; raters?: string; ratings?: string; columns?: string }) => {
      const long = [options.targets, options.raters, options.ratings];
      const wide = predictorNames(options.columns);
      if (wide.length > 0 ? long.some((o) => o !== undefined) : long.some((o) => o === undefined)) {
        throw new AppError(
          'validation_failed',
          'give either --targets, --raters and --ratings (long form) or --columns (wide form)',
          [{ path: wide.length > 0 ? '--columns' : '--targets', message: 'long or wide form, not both or neither' }],
        );
      }
      const table = readTable(options.data);
      const matrix =
        wide.length > 0
          ? ratingMatrixFromWide(table, wide)
          : ratingMatrixFromLong(table, options.targets!, options.raters!, options.ratings!);
      const result = intraclassCorrelation(matrix.ratings, { alpha: 1 - confLevelOf(options) });
      const report = {
        test: 'icc',
        method: result.method,
        reference: result.reference,
        targets: result.targets,
        raters: matrix.raters,
        ratings: result.ratings,
        missing: result.missing,
        confLevel: result.confLevel,
        varianceComponents: result.variance,
        meanSquares: result.meanSquares,
        icc: result.rows,
        assumptions: result.assumptions,
        warnings: [...droppedWarning(matrix.dropped), ...result.warnings],
      };
      const row = (r: IccRow): string[] => [
        r.name,
        num(r.value),
        num(r.F),
        num(r.df1),
        num(r.df2),
        pValue(r.p),
        num(r.lower),
        num(r.upper),
      ];
      emit(output, options, report, () => [
        `${result.method}`,
        `  ${result.reference}`,
        `  ${result.targets} targets, ${result.raters} raters (${matrix.raters.join(', ')}), ${result.ratings} ratings${result.missing > 0 ? `, ${result.missing} missing` : ''}`,
        ...alignColumns([
          ['icc', 'value', 'F', 'df1', 'df2', 'p', `${num(result.confLevel * 100)}% lower`, 'upper'],
          ...result.rows.map(row),
        ]).map((line) => `  ${line}`),
        ...result.rows.map((r) => `  ${r.name}: ${r.description}`),
        `  variance components (REML, ${result.variance.method}): target ${num(result.variance.target)}, rater ${num(result.variance.rater)}, residual ${num(result.variance.residual)}`,
      ]);
    });

  return stats;
}

type CategoryCells = (string | number | null)[];

function withCommon(command: Command): Command {
  return command
    .requiredOption('--data <file>', 'CSV file with a header row')
    .option('--conf-level <level>', 'confidence level for intervals', '0.95')
    .option('--json', 'print JSON instead of a table');
}

function alternativeOption(): Option {
  return new Option('--alternative <side>', 'alternative hypothesis')
    .choices(['two.sided', 'less', 'greater'])
    .default('two.sided');
}

function confLevelOf(options: CommonOptions): number {
  const level = Number(options.confLevel);
  if (!(level > 0 && level < 1)) {
    throw new AppError('validation_failed', `--conf-level must be a number between 0 and 1; got ${options.confLevel}`, [
      { path: '--conf-level', message: 'out of range' },
    ]);
  }
  return level;
}

/** Column names from --predictors; none means an intercept-only model. */
function predictorNames(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Reads the --data file as R's read.csv would (see `readDataTable`). */
function readTable(file: string): DataTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      [{ path: '--data', message: file }],
    );
  }
  return readDataTable(text, file);
}

function droppedWarning(dropped: number): string[] {
  return dropped > 0 ? [`${countOf(dropped, 'row')} with a missing value dropped`] : [];
}

function interval(ci: ConfidenceInterval): {
  level: number;
  lower: number | null;
  upper: number | null;
  method: string;
} {
  // JSON has no infinity: an open end of a one-sided interval is null.
  return {
    level: ci.level,
    lower: Number.isFinite(ci.lower) ? ci.lower : null,
    upper: Number.isFinite(ci.upper) ? ci.upper : null,
    method: ci.method,
  };
}

function emit(
  output: StatsOutput,
  options: { json?: boolean },
  report: { warnings: string[] },
  table: () => string[],
): void {
  if (options.json) {
    output(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [...table(), ...report.warnings.map((warning) => `warning: ${warning}`)];
  output(`${lines.join('\n')}\n`);
}

function num(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) return value.toExponential(4);
  return String(Number(value.toPrecision(6)));
}

function pValue(p: number): string {
  return p < 1e-4 ? p.toExponential(2) : p.toFixed(4);
}

function pOrNA(p: number | null): string {
  return p === null ? 'NA' : pValue(p);
}

function ciText(ci: ConfidenceInterval): string {
  return `${num(ci.level * 100)}% CI [${num(ci.lower)}, ${num(ci.upper)}]`;
}

function effectLines(effects: readonly EffectSize[]): string[] {
  return effects.map((effect) => `  ${effect.name}: ${num(effect.value)}`);
}

/** A row of either regression table: OLS coefficients and mixed-model fixed effects share these fields. */
type CoefficientRow = RegressionCoefficient | FixedEffect;

function coefficientTable(rows: readonly CoefficientRow[]): string[] {
  const header = ['term', 'estimate', 'se', 't', 'df', 'p', 'ci lower', 'ci upper'];
  const body = rows.map((row) => [
    row.term,
    num(row.estimate),
    num(row.se),
    num(row.t),
    row.df === null ? '-' : num(row.df),
    row.p === null ? '-' : pValue(row.p),
    num(row.ci.lower),
    num(row.ci.upper),
  ]);
  return alignColumns([header, ...body]).map((line) => `  ${line}`);
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? '').length))) ?? [];
  return rows.map((row) =>
    row.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('  '),
  );
}
