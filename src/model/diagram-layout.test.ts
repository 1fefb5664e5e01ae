import { describe, expect, it } from 'vitest';
import { builtinModels } from './builtin/index.ts';
import { layoutModelDiagram, type DiagramNode } from './diagram-layout.ts';
import { OUTCOME_TIERS, type Outcome } from './schema.ts';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutModelDiagram', () => {
  it.each(builtinModels.map((model) => [model.id, model] as const))(
    'places %s in columns without overlaps',
    async (_id, model) => {
      const layout = await layoutModelDiagram(model);
      const boxes = [...layout.groups, ...layout.nodes.filter((node) => node.kind !== 'component')];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      }
      for (const node of layout.nodes) {
        expect(node.x).toBeGreaterThanOrEqual(0);
        expect(node.y).toBeGreaterThanOrEqual(0);
        expect(node.x + node.width).toBeLessThanOrEqual(layout.width + 0.5);
        expect(node.y + node.height).toBeLessThanOrEqual(layout.height + 0.5);
      }
      // Each component sits inside its group's frame.
      for (const group of layout.groups) {
        for (const node of layout.nodes.filter(
          (candidate) =>
            candidate.kind === 'component' && (candidate.element as { group: string }).group === group.group.id,
        )) {
          expect(node.x).toBeGreaterThanOrEqual(group.x);
          expect(node.y).toBeGreaterThanOrEqual(group.y);
          expect(node.x + node.width).toBeLessThanOrEqual(group.x + group.width);
          expect(node.y + node.height).toBeLessThanOrEqual(group.y + group.height);
        }
      }
      // Columns run left to right: components, constructs, then tiers in order.
      const column = (nodes: DiagramNode[]) => ({
        left: Math.min(...nodes.map((node) => node.x)),
        right: Math.max(...nodes.map((node) => node.x + node.width)),
      });
      const columns = [
        column(layout.nodes.filter((node) => node.kind === 'component')),
        column(layout.nodes.filter((node) => node.kind === 'construct')),
        ...OUTCOME_TIERS.map((tier) =>
          column(layout.nodes.filter((node) => node.kind === 'outcome' && (node.element as Outcome).tier === tier)),
        ),
      ];
      for (let i = 1; i < columns.length; i += 1) expect(columns[i]!.left).toBeGreaterThan(columns[i - 1]!.right);
    },
  );

  it('draws a link through a construct as two segments and a same-tier link as an arc', async () => {
    const model = builtinModels[0]!;
    const layout = await layoutModelDiagram(model);
    const viaLinks = model.links.filter((link) => link.via !== undefined);
    expect(layout.edges.filter((edge) => edge.link.via !== undefined)).toHaveLength(viaLinks.length * 2);
    expect(layout.arcs.map((arc) => arc.link.id)).toEqual([
      'trust-alliance-to-engagement',
      'experience-of-support-to-engagement',
      'knowledge-skills-to-implementation-self-efficacy',
      'implementation-self-efficacy-to-team-functioning',
      'team-functioning-to-implementation-capacity',
      'implementation-performance-to-population-outcomes',
      'sustainment-scale-to-population-outcomes',
    ]);
    for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });
});
