/**
 * Benchmark of the practice-model engine on the default model, each measurement against a same-run
 * baseline so that ratios survive a noisy machine. Targets: validateModel(eis-toc) median ≤ 5 ms,
 * renderModelDiagram(eis-toc) median ≤ 500 ms.
 *
 *   npx tsx bench/model.ts [--quick]
 *
 * Prints one JSON object per measurement: { name, median_ms, p95_ms, baseline_median_ms, ratio, runs, baseline }.
 * Measurement and baseline alternate run by run, so that both see the same load.
 */
import { eisToc } from '../src/model/builtin/index.ts';
import { renderModelDiagram } from '../src/model/diagram.ts';
import { formatModel, parseModelText } from '../src/model/format.ts';
import { practiceModelSchema } from '../src/model/schema.ts';
import { validateModel } from '../src/model/validate.ts';

const quick = process.argv.includes('--quick');

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return (sorted[below] as number) + ((sorted[above] as number) - (sorted[below] as number)) * (position - below);
}

async function measure(
  name: string,
  subject: () => unknown,
  baselineName: string,
  baseline: () => unknown,
  runs: number,
  warmup: number,
): Promise<void> {
  for (let i = 0; i < warmup; i += 1) {
    await subject();
    await baseline();
  }
  const times: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let started = performance.now();
    await subject();
    times.push(performance.now() - started);
    started = performance.now();
    await baseline();
    baselineTimes.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  baselineTimes.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const baselineMedian = quantile(baselineTimes, 0.5);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      name,
      median_ms: round(median),
      p95_ms: round(quantile(times, 0.95)),
      baseline_median_ms: round(baselineMedian),
      ratio: round(median / baselineMedian),
      runs,
      baseline: baselineName,
    })}\n`,
  );
}

const yamlText = formatModel(eisToc, 'yaml');

await measure(
  'validateModel(eis-toc)',
  () => validateModel(eisToc),
  'practiceModelSchema.safeParse(eis-toc): the schema pass alone',
  () => practiceModelSchema.safeParse(eisToc),
  quick ? 100 : 1000,
  quick ? 20 : 100,
);

await measure(
  'parseModelText(eis-toc YAML) + validateModel',
  () => {
    const parsed = parseModelText(yamlText);
    return parsed.ok ? validateModel(parsed.value) : parsed;
  },
  'JSON.parse(JSON.stringify(eis-toc))',
  () => JSON.parse(JSON.stringify(eisToc)),
  quick ? 30 : 200,
  quick ? 5 : 20,
);

await measure(
  'renderModelDiagram(eis-toc)',
  () => renderModelDiagram(eisToc),
  'formatModel(eis-toc, yaml) + parseModelText: a YAML round trip',
  () => parseModelText(formatModel(eisToc, 'yaml')),
  quick ? 5 : 25,
  quick ? 2 : 5,
);
