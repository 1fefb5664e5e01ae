import type ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk.bundled.js';
import type { Component, ComponentGroup, Construct, Link, Outcome, OutcomeTier, PracticeModel } from './schema.ts';
import { OUTCOME_TIERS } from './schema.ts';
import { wrapText } from './text-metrics.ts';

/**
 * Lays a model out as a layered theory of change with elkjs: component groups (holding their components),
 * then constructs, then one column per outcome tier. Only geometry comes out; diagram.ts draws it.
 */

export const DIAGRAM_FONT_SIZE = 12;
export const DIAGRAM_LINE_HEIGHT = 15;
export const DIAGRAM_DETAIL_FONT_SIZE = 9.5;
const NODE_PADDING_X = 8;
const NODE_PADDING_Y = 7;
const GROUP_HEADER = 22;

const NODE_WIDTH = { component: 176, construct: 150, outcome: 172 } as const;

export type DiagramNodeKind = 'component' | 'construct' | 'outcome';

/** A placed box for one element, with its text already wrapped to fit. */
export interface DiagramNode {
  id: string;
  kind: DiagramNodeKind;
  element: Component | Construct | Outcome;
  lines: string[];
  /** Outcome levels, printed under the name. */
  detail?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A placed component group, drawn as a frame around its components. */
export interface DiagramGroup {
  group: ComponentGroup;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One drawn segment of a link: a link through a construct is drawn as two segments, in and out of it. */
export interface DiagramEdge {
  link: Link;
  /** True for the segment that ends at the link's `to`, where its label sits. */
  last: boolean;
  points: ElkPoint[];
}

/** A link between two outcomes of the same tier, drawn as an arc beside their column. */
export interface DiagramArc {
  link: Link;
  from: DiagramNode;
  to: DiagramNode;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  groups: DiagramGroup[];
  edges: DiagramEdge[];
  arcs: DiagramArc[];
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.spacing.nodeNode': '12',
  'elk.spacing.edgeEdge': '5',
  'elk.spacing.edgeNode': '8',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '5',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // An outcome reached only through same-tier links would otherwise be packed apart from the graph.
  'elk.separateConnectedComponents': 'false',
  // Keeps component groups in the model's order (positions are set on the groups only).
  'elk.layered.crossingMinimization.semiInteractive': 'true',
};

const GROUP_PADDING = 8;
const GROUP_ROW_GAP = 8;

// The partition is the column: components, constructs, then outcome tiers in order.
const partitionOfTier = (tier: OutcomeTier) => 2 + OUTCOME_TIERS.indexOf(tier);

function box(id: string, kind: DiagramNodeKind, element: DiagramNode['element'], name: string, detail?: string) {
  const width = NODE_WIDTH[kind];
  const lines = wrapText(name, width - 2 * NODE_PADDING_X, DIAGRAM_FONT_SIZE, kind === 'component');
  const height = 2 * NODE_PADDING_Y + lines.length * DIAGRAM_LINE_HEIGHT + (detail ? DIAGRAM_LINE_HEIGHT - 2 : 0);
  const node: DiagramNode = { id, kind, element, lines, x: 0, y: 0, width, height, ...(detail ? { detail } : {}) };
  return node;
}

const tierOf = (model: PracticeModel) => new Map(model.outcomes.map((outcome) => [outcome.id, outcome.tier]));

/** How far a same-tier arc swings out beside its column: further for nodes further apart, so nested arcs separate. */
export function arcBulge(from: DiagramNode, to: DiagramNode): number {
  return 18 + Math.abs(to.y + to.height / 2 - (from.y + from.height / 2)) * 0.12;
}

let engine: InstanceType<typeof ELK> | undefined;

/**
 * Computes the diagram geometry of a valid model.
 *
 * Two choices keep the layout fast (one flat graph, no hierarchy) and the columns honest: a component group
 * is a single ELK node whose components are stacked inside it, each with a fixed port for its links; and links
 * between outcomes of the same tier are left out of the layout (they would split a tier over several layers)
 * and drawn as arcs beside their column.
 */
export async function layoutModelDiagram(model: PracticeModel): Promise<DiagramLayout> {
  const nodes = new Map<string, DiagramNode>();
  for (const component of model.components)
    nodes.set(component.id, box(component.id, 'component', component, component.name));
  for (const construct of model.constructs)
    nodes.set(construct.id, box(construct.id, 'construct', construct, construct.name));
  for (const outcome of model.outcomes)
    nodes.set(outcome.id, box(outcome.id, 'outcome', outcome, outcome.name, outcome.levels.join(' · ')));

  const elkNode = (node: DiagramNode, partition: number): ElkNode => ({
    id: node.id,
    width: node.width,
    height: node.height,
    layoutOptions: { 'elk.partitioning.partition': String(partition) },
  });

  // Components sit in their group at fixed offsets; a port on the group's right edge stands for each one.
  const endpoint = new Map<string, string>();
  let groupOrder = 0;
  const groupFrames = model.componentGroups.flatMap((group) => {
    const members = model.components
      .filter((component) => component.group === group.id)
      .map((component) => nodes.get(component.id) as DiagramNode);
    if (members.length === 0) return [];
    let offset = GROUP_HEADER;
    const width = NODE_WIDTH.component + 2 * GROUP_PADDING;
    const ports = members.map((member) => {
      const port = {
        id: `port:${member.id}`,
        x: width - 1,
        y: offset + member.height / 2,
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'EAST' },
      };
      Object.assign(member, { x: GROUP_PADDING, y: offset });
      offset += member.height + GROUP_ROW_GAP;
      endpoint.set(member.id, port.id);
      return port;
    });
    const frame: ElkNode = {
      id: `group:${group.id}`,
      width,
      height: offset - GROUP_ROW_GAP + GROUP_PADDING,
      ports,
      layoutOptions: {
        'elk.partitioning.partition': '0',
        'elk.portConstraints': 'FIXED_POS',
        'elk.position': `(0,${groupOrder})`,
      },
    };
    groupOrder += 1000;
    return [{ group, members, frame }];
  });
  const children: ElkNode[] = [
    ...groupFrames.map(({ frame }) => frame),
    ...model.constructs.map((construct) => elkNode(nodes.get(construct.id) as DiagramNode, 1)),
    ...model.outcomes.map((outcome) => elkNode(nodes.get(outcome.id) as DiagramNode, partitionOfTier(outcome.tier))),
  ];

  const tiers = tierOf(model);
  const segments: Array<{ link: Link; last: boolean; edge: ElkExtendedEdge }> = [];
  const arcs: DiagramArc[] = [];
  model.links.forEach((link, index) => {
    const stops = link.via === undefined ? [link.from, link.to] : [link.from, link.via, link.to];
    if (!stops.every((stop) => nodes.has(stop) && (nodes.get(stop)?.kind !== 'component' || endpoint.has(stop))))
      return;
    const fromTier = tiers.get(link.from);
    if (fromTier !== undefined && fromTier === tiers.get(link.to)) {
      arcs.push({ link, from: nodes.get(link.from) as DiagramNode, to: nodes.get(link.to) as DiagramNode });
      return;
    }
    for (let leg = 0; leg < stops.length - 1; leg += 1) {
      const source = stops[leg] as string;
      segments.push({
        link,
        last: leg === stops.length - 2,
        edge: {
          id: `edge:${index}:${leg}`,
          sources: [endpoint.get(source) ?? source],
          targets: [stops[leg + 1] as string],
        },
      });
    }
  });

  // ELK (a large script) loads with the first diagram drawn, not with the server or the CLI.
  engine ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children,
    edges: segments.map((segment) => segment.edge),
  };
  const laid: ElkNode = await engine.layout(graph);

  const placed = new Map((laid.children ?? []).map((child) => [child.id, child]));
  const groups: DiagramGroup[] = groupFrames.map(({ group, members, frame }) => {
    const at = placed.get(frame.id);
    const x = at?.x ?? 0;
    const y = at?.y ?? 0;
    for (const member of members) Object.assign(member, { x: member.x + x, y: member.y + y });
    return { group, x, y, width: frame.width ?? 0, height: frame.height ?? 0 };
  });
  for (const node of nodes.values()) {
    const at = placed.get(node.id);
    if (at) Object.assign(node, { x: at.x ?? 0, y: at.y ?? 0 });
  }

  const laidEdges = new Map((laid.edges ?? []).map((edge) => [edge.id, edge]));
  const edges: DiagramEdge[] = segments.flatMap(({ link, last, edge }) => {
    const section = laidEdges.get(edge.id)?.sections?.[0];
    if (!section) return [];
    return [{ link, last, points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] }];
  });

  const drawn = [...nodes.values()].filter((node) => node.kind !== 'component' || endpoint.has(node.id));
  const arcReach = arcs.map(
    ({ from, to }) => Math.max(from.x + from.width, to.x + to.width) + 0.75 * arcBulge(from, to) + 4,
  );
  return { width: Math.max(laid.width ?? 0, ...arcReach), height: laid.height ?? 0, nodes: drawn, groups, edges, arcs };
}
