/** The model version most engagements use: its names label organization-wide lists and charts. */
export function commonModel(
  engagements: ReadonlyArray<{ modelId: string; modelVersion: string }>,
): { modelId: string; modelVersion: string } | undefined {
  const counts = new Map<string, { modelId: string; modelVersion: string; count: number }>();
  for (const { modelId, modelVersion } of engagements) {
    const key = `${modelId}@${modelVersion}`;
    const entry = counts.get(key) ?? { modelId, modelVersion, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  return top ? { modelId: top.modelId, modelVersion: top.modelVersion } : undefined;
}
