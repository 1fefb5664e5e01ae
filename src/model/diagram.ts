import {
  arcBulge,
  DIAGRAM_DETAIL_FONT_SIZE,
  DIAGRAM_FONT_SIZE,
  DIAGRAM_LINE_HEIGHT,
  layoutModelDiagram,
  type DiagramEdge,
  type DiagramLayout,
  type DiagramNode,
} from './diagram-layout.ts';
import type { LinkStatus, Outcome, OutcomeTier, PracticeModel } from './schema.ts';
import { OUTCOME_TIERS } from './schema.ts';
import { textWidth, wrapText } from './text-metrics.ts';

/** A value to show on one link: coloured by `color`, or by a scale over all values; `label` is printed on the link. */
export interface LinkOverlayValue {
  value: string | number;
  color?: string;
  label?: string;
}

export interface DiagramOptions {
  /** Link id → value; links without a value are drawn faint. */
  overlay?: Record<string, LinkOverlayValue>;
  /** Heading of the overlay legend, e.g. "Evidence (Spearman ρ)". */
  overlayTitle?: string;
  /** Diagram title; defaults to the model's name, id and version. */
  title?: string;
}

const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif";
const MARGIN = 24;
const MIN_WIDTH = 980;
const INK = '#1f2937';
const MUTED = '#4b5563';

const NODE_STYLE = {
  component: { fill: '#fef3c7', stroke: '#b45309' },
  construct: { fill: '#ede9fe', stroke: '#6d28d9' },
} as const;
const TIER_STYLE: Record<OutcomeTier, { fill: string; stroke: string; band: string; title: string }> = {
  immediate: { fill: '#e0f2fe', stroke: '#0284c7', band: '#f5fbff', title: 'Immediate outcomes' },
  'short-term': { fill: '#bae6fd', stroke: '#0369a1', band: '#eef8fe', title: 'Short-term outcomes' },
  'long-term': { fill: '#7dd3fc', stroke: '#075985', band: '#e6f4fd', title: 'Long-term outcomes' },
};
const STATUS_STYLE: Record<LinkStatus, { color: string; dash?: string }> = {
  hypothesized: { color: '#64748b' },
  supported: { color: '#15803d' },
  mixed: { color: '#c2410c', dash: '9 3 2 3' },
  refuted: { color: '#b91c1c', dash: '3 3' },
};
const CATEGORY_COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];
type Rgb = readonly [number, number, number];
const SEQUENTIAL: readonly [Rgb, Rgb] = [
  [147, 197, 253],
  [30, 58, 138],
];
const DIVERGING: readonly [Rgb, Rgb, Rgb] = [
  [185, 28, 28],
  [212, 212, 216],
  [29, 78, 216],
];

/** A colour scale over numeric overlay values: sequential, or diverging around zero when values take both signs. */
interface ValueScale {
  stops: Array<{ at: number; rgb: Rgb }>;
}

function valueScale(values: number[]): ValueScale {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min < 0 && max > 0) {
    const extent = Math.max(-min, max);
    return {
      stops: [
        { at: -extent, rgb: DIVERGING[0] },
        { at: 0, rgb: DIVERGING[1] },
        { at: extent, rgb: DIVERGING[2] },
      ],
    };
  }
  return {
    stops: [
      { at: min, rgb: SEQUENTIAL[0] },
      { at: max, rgb: SEQUENTIAL[1] },
    ],
  };
}

function scaleColor(scale: ValueScale, value: number): string {
  const { stops } = scale;
  let upper = stops.findIndex((stop) => stop.at >= value);
  if (upper <= 0) upper = upper === 0 ? 1 : stops.length - 1;
  const low = stops[upper - 1] as ValueScale['stops'][number];
  const high = stops[upper] as ValueScale['stops'][number];
  const t = high.at > low.at ? Math.min(1, Math.max(0, (value - low.at) / (high.at - low.at))) : 1;
  const channel = (i: 0 | 1 | 2) => Math.round(low.rgb[i] + (high.rgb[i] - low.rgb[i]) * t);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}
const NO_VALUE_COLOR = '#cbd5e1';

/** Escapes text for use in SVG character data and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // XML 1.0 forbids these characters even when escaped, so they are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

const n = (value: number) => String(Math.round(value * 10) / 10);

function textLines(lines: string[], x: number, y: number, attributes: string): string {
  return lines
    .map((line, i) => `<text x="${n(x)}" y="${n(y + i * DIAGRAM_LINE_HEIGHT)}" ${attributes}>${escapeXml(line)}</text>`)
    .join('');
}

/** Rounded orthogonal polyline through ELK's points. */
function edgePath(points: DiagramEdge['points']): string {
  const radius = 6;
  let d = `M${n(points[0]?.x ?? 0)},${n(points[0]?.y ?? 0)}`;
  for (let i = 1; i < points.length; i += 1) {
    const point = points[i] as { x: number; y: number };
    const before = points[i - 1] as { x: number; y: number };
    const after = points[i + 1];
    if (!after) {
      d += ` L${n(point.x)},${n(point.y)}`;
      continue;
    }
    const inLength = Math.hypot(point.x - before.x, point.y - before.y);
    const outLength = Math.hypot(after.x - point.x, after.y - point.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const enter = {
      x: point.x - ((point.x - before.x) / (inLength || 1)) * r,
      y: point.y - ((point.y - before.y) / (inLength || 1)) * r,
    };
    const leave = {
      x: point.x + ((after.x - point.x) / (outLength || 1)) * r,
      y: point.y + ((after.y - point.y) / (outLength || 1)) * r,
    };
    d += ` L${n(enter.x)},${n(enter.y)} Q${n(point.x)},${n(point.y)} ${n(leave.x)},${n(leave.y)}`;
  }
  return d;
}

interface EdgePaint {
  color: string;
  width: number;
  dash?: string;
  label?: string;
}

interface LegendEntry {
  color: string;
  text: string;
  dash?: string;
}

// Caller colours go into attributes; anything but a plain CSS colour is ignored rather than escaped into markup.
const CSS_COLOR = /^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%deg/+-]*\)|[a-zA-Z]{3,30})$/;

/** Decides each link's colour: by status, or by the caller's overlay with a legend that explains it. */
function paintLinks(
  model: PracticeModel,
  options: DiagramOptions,
): { paint: Map<string, EdgePaint>; legend: LegendEntry[]; scale?: ValueScale } {
  const paint = new Map<string, EdgePaint>();
  const overlay = options.overlay;
  if (!overlay) {
    for (const link of model.links)
      paint.set(link.id, { color: STATUS_STYLE[link.status].color, width: 1.4, dash: STATUS_STYLE[link.status].dash });
    const used = new Set(model.links.map((link) => link.status));
    const legend = (Object.keys(STATUS_STYLE) as LinkStatus[])
      .filter((status) => used.has(status))
      .map((status) => ({
        color: STATUS_STYLE[status].color,
        dash: STATUS_STYLE[status].dash,
        text: `${status} link`,
      }));
    return { paint, legend };
  }

  const entries = model.links.flatMap((link) => {
    if (!Object.hasOwn(overlay, link.id)) return [];
    const entry = overlay[link.id] as LinkOverlayValue;
    const { color, ...rest } = entry;
    const kept: LinkOverlayValue = color !== undefined && CSS_COLOR.test(color) ? entry : rest;
    return [[link, kept] as const];
  });
  const numbers = entries.flatMap(([, entry]) =>
    entry.color === undefined && typeof entry.value === 'number' && Number.isFinite(entry.value) ? [entry.value] : [],
  );
  const scale = numbers.length > 0 ? valueScale(numbers) : undefined;
  const categories = [
    ...new Set(
      entries.flatMap(([, entry]) =>
        entry.color === undefined && typeof entry.value === 'string' ? [entry.value] : [],
      ),
    ),
  ].sort();
  const categoryColor = (value: string) =>
    Object.hasOwn(STATUS_STYLE, value)
      ? STATUS_STYLE[value as LinkStatus].color
      : (CATEGORY_COLORS[categories.indexOf(value) % CATEGORY_COLORS.length] as string);
  const legend = new Map<string, LegendEntry>();
  for (const [link, entry] of entries) {
    let color: string;
    if (entry.color !== undefined) {
      color = entry.color;
      legend.set(`${color}\u0000${entry.value}`, { color, text: String(entry.value) });
    } else if (typeof entry.value === 'number' && Number.isFinite(entry.value)) {
      color = scale ? scaleColor(scale, entry.value) : NO_VALUE_COLOR;
    } else {
      color = categoryColor(String(entry.value));
      legend.set(`${color}\u0000${entry.value}`, { color, text: String(entry.value) });
    }
    paint.set(link.id, { color, width: 2.6, ...(entry.label !== undefined ? { label: entry.label } : {}) });
  }
  for (const link of model.links) if (!paint.has(link.id)) paint.set(link.id, { color: NO_VALUE_COLOR, width: 1 });
  const legendEntries = [...legend.values()];
  if (entries.length < model.links.length) legendEntries.push({ color: NO_VALUE_COLOR, text: 'no value' });
  return { paint, legend: legendEntries, ...(scale ? { scale } : {}) };
}

function renderNode(node: DiagramNode): string {
  const style = node.kind === 'outcome' ? TIER_STYLE[(node.element as Outcome).tier] : NODE_STYLE[node.kind];
  const radius = node.kind === 'construct' ? node.height / 2 : 5;
  const cx = node.x + node.width / 2;
  const firstLine = node.y + 7 + DIAGRAM_FONT_SIZE - 1;
  const weight = node.kind === 'component' ? ' font-weight="bold"' : '';
  const slant = node.kind === 'construct' ? ' font-style="italic"' : '';
  const published =
    node.element.provenance === 'published'
      ? `<circle cx="${n(node.x + node.width - 6)}" cy="${n(node.y + 6)}" r="3" fill="${INK}"><title>published</title></circle>`
      : '';
  const detail = node.detail
    ? `<text x="${n(cx)}" y="${n(firstLine + node.lines.length * DIAGRAM_LINE_HEIGHT - 1)}" text-anchor="middle" font-size="${DIAGRAM_DETAIL_FONT_SIZE}" fill="${MUTED}">${escapeXml(node.detail)}</text>`
    : '';
  return (
    `<g class="node ${node.kind}" data-element-id="${escapeXml(node.id)}">` +
    `<title>${escapeXml(`${node.element.name} (${node.id}, ${node.element.provenance})`)}</title>` +
    `<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="${n(radius)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.2"/>` +
    textLines(
      node.lines,
      cx,
      firstLine,
      `text-anchor="middle" font-size="${DIAGRAM_FONT_SIZE}"${weight}${slant} fill="${INK}"`,
    ) +
    detail +
    published +
    `</g>`
  );
}

function markerId(color: string, markers: Map<string, string>): string {
  let id = markers.get(color);
  if (!id) {
    id = `arrow-${markers.size}`;
    markers.set(color, id);
  }
  return id;
}

function renderEdges(
  layout: DiagramLayout,
  paint: Map<string, EdgePaint>,
  markers: Map<string, string>,
): { lines: string; labels: string; reach: number } {
  let lines = '';
  let labels = '';
  let reach = 0;
  // Faint links first, so that coloured ones are drawn on top where they overlap.
  const ordered = [...layout.edges].sort(
    (a, b) => (paint.get(a.link.id)?.width ?? 0) - (paint.get(b.link.id)?.width ?? 0),
  );
  for (const edge of ordered) {
    const style = paint.get(edge.link.id) ?? { color: NO_VALUE_COLOR, width: 1 };
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const tooltip = `${edge.link.from}${edge.link.via ? ` → ${edge.link.via}` : ''} → ${edge.link.to} (${edge.link.status}): ${edge.link.rationale}`;
    lines +=
      `<path class="link" data-link-id="${escapeXml(edge.link.id)}" d="${edgePath(edge.points)}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash} ` +
      `marker-end="url(#${markerId(style.color, markers)})"><title>${escapeXml(tooltip)}</title></path>`;
    if (edge.last && style.label !== undefined) {
      const [a, b] = longestLeg(edge.points);
      const x = (a.x + b.x) / 2;
      const y = (a.y + b.y) / 2 - 3;
      reach = Math.max(reach, x + textWidth(style.label, 9, true) / 2);
      labels += `<text class="link-label" x="${n(x)}" y="${n(y)}" text-anchor="middle" font-size="9" font-weight="bold" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(style.label)}</text>`;
    }
  }
  for (const arc of layout.arcs) {
    const style = paint.get(arc.link.id) ?? { color: NO_VALUE_COLOR, width: 1 };
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const x1 = arc.from.x + arc.from.width;
    const y1 = arc.from.y + arc.from.height / 2 + 4;
    const x2 = arc.to.x + arc.to.width + 1;
    const y2 = arc.to.y + arc.to.height / 2 - 4;
    const bulge = arcBulge(arc.from, arc.to);
    const tooltip = `${arc.link.from} → ${arc.link.to} (${arc.link.status}): ${arc.link.rationale}`;
    lines +=
      `<path class="link same-tier" data-link-id="${escapeXml(arc.link.id)}" d="M${n(x1)},${n(y1)} C${n(x1 + bulge)},${n(y1)} ${n(x2 + bulge)},${n(y2)} ${n(x2)},${n(y2)}" ` +
      `fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash} marker-end="url(#${markerId(style.color, markers)})"><title>${escapeXml(tooltip)}</title></path>`;
    if (style.label !== undefined) {
      reach = Math.max(reach, Math.max(x1, x2) + bulge * 0.75 + 2 + textWidth(style.label, 9, true));
      labels += `<text class="link-label" x="${n(Math.max(x1, x2) + bulge * 0.75 + 2)}" y="${n((y1 + y2) / 2 + 3)}" font-size="9" font-weight="bold" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(style.label)}</text>`;
    }
  }
  return { lines, labels, reach };
}

function longestLeg(points: DiagramEdge['points']): [{ x: number; y: number }, { x: number; y: number }] {
  let best: [{ x: number; y: number }, { x: number; y: number }] = [
    points[0] ?? { x: 0, y: 0 },
    points[1] ?? points[0] ?? { x: 0, y: 0 },
  ];
  let length = -1;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    const candidate = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (candidate > length) {
      length = candidate;
      best = [a, b];
    }
  }
  return best;
}

/** Column headings and tier bands, placed over the columns ELK produced. */
function renderColumns(layout: DiagramLayout, top: number, bottom: number): { bands: string; headings: string } {
  const columns: Array<{ title: string; nodes: Array<{ x: number; width: number }>; band?: string }> = [
    { title: 'Components', nodes: layout.groups },
    { title: 'Mechanisms (constructs)', nodes: layout.nodes.filter((node) => node.kind === 'construct') },
    ...OUTCOME_TIERS.map((tier) => ({
      title: TIER_STYLE[tier].title,
      band: TIER_STYLE[tier].band,
      nodes: layout.nodes.filter((node) => node.kind === 'outcome' && (node.element as Outcome).tier === tier),
    })),
  ];
  let bands = '';
  let headings = '';
  for (const column of columns) {
    if (column.nodes.length === 0) continue;
    const left = Math.min(...column.nodes.map((node) => node.x)) - 8;
    const right = Math.max(...column.nodes.map((node) => node.x + node.width)) + 8;
    if (column.band)
      bands += `<rect x="${n(left)}" y="${n(top - 26)}" width="${n(right - left)}" height="${n(bottom - top + 34)}" rx="6" fill="${column.band}"/>`;
    headings += `<text x="${n((left + right) / 2)}" y="${n(top - 10)}" text-anchor="middle" font-size="11" font-weight="bold" fill="${MUTED}" letter-spacing="0.3">${escapeXml(column.title.toUpperCase())}</text>`;
  }
  return { bands, headings };
}

function renderGroups(layout: DiagramLayout): string {
  return layout.groups
    .map(
      ({ group, x, y, width, height }) =>
        `<g class="group" data-element-id="${escapeXml(group.id)}"><title>${escapeXml(`${group.name} (${group.provenance})`)}</title>` +
        `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="7" fill="#fffbeb" stroke="#d6a35c" stroke-width="1" stroke-dasharray="4 2"/>` +
        `<text x="${n(x + 9)}" y="${n(y + 16)}" font-size="10.5" font-weight="bold" fill="#92400e">${escapeXml(group.name)}</text>` +
        (group.provenance === 'published'
          ? `<circle cx="${n(x + width - 7)}" cy="${n(y + 7)}" r="3" fill="${INK}"/>`
          : '') +
        `</g>`,
    )
    .join('');
}

/** The stage sequence as a row of chevrons, each listing the components it emphasizes. */
function renderStages(model: PracticeModel, x: number, y: number, width: number): { svg: string; height: number } {
  if (model.stages.length === 0) return { svg: '', height: 0 };
  const names = new Map(model.components.map((component) => [component.id, component.name]));
  const gap = 4;
  const tip = 12;
  const each = (width - gap * (model.stages.length - 1)) / model.stages.length;
  const blocks = model.stages.map((stage, i) => {
    const title = wrapText(`${i + 1}. ${stage.name}`, each - 2 * tip - 8, 11, true);
    const emphasis = stage.emphasizes.map((id) => names.get(id) ?? id).join('; ');
    const detail = wrapText(
      emphasis === '' ? 'no emphasized component' : `Emphasizes: ${emphasis}`,
      each - 2 * tip - 8,
      9.5,
    );
    return { stage, title, detail };
  });
  const innerHeight = Math.max(...blocks.map((block) => block.title.length * 14 + block.detail.length * 12.5)) + 14;
  let svg = `<text x="${n(x)}" y="${n(y + 11)}" font-size="11" font-weight="bold" fill="${MUTED}" letter-spacing="0.3">STAGES OF SUPPORT (SEQUENTIAL; EMPHASIS IS A HYPOTHESIS)</text>`;
  const top = y + 20;
  blocks.forEach((block, i) => {
    const left = x + i * (each + gap);
    const right = left + each;
    const notch = i === 0 ? 0 : tip;
    const points = [
      [left, top],
      [right - tip, top],
      [right, top + innerHeight / 2],
      [right - tip, top + innerHeight],
      [left, top + innerHeight],
      [left + notch, top + innerHeight / 2],
    ]
      .map(([px, py]) => `${n(px as number)},${n(py as number)}`)
      .join(' ');
    const textX = left + notch + 8;
    svg +=
      `<g class="stage" data-element-id="${escapeXml(block.stage.id)}"><title>${escapeXml(`${block.stage.name}: ${block.stage.description}`)}</title>` +
      `<polygon points="${points}" fill="#f1f5f9" stroke="#94a3b8" stroke-width="1"/>` +
      block.title
        .map(
          (line, j) =>
            `<text x="${n(textX)}" y="${n(top + 16 + j * 14)}" font-size="11" font-weight="bold" fill="${INK}">${escapeXml(line)}</text>`,
        )
        .join('') +
      block.detail
        .map(
          (line, j) =>
            `<text x="${n(textX)}" y="${n(top + 16 + block.title.length * 14 + j * 12.5)}" font-size="9.5" fill="${MUTED}">${escapeXml(line)}</text>`,
        )
        .join('') +
      `</g>`;
  });
  return { svg, height: innerHeight + 20 };
}

/** Principles as a framed list: they govern how every component is used, so they sit beside the whole graph. */
function renderPrinciples(model: PracticeModel, x: number, y: number, width: number): { svg: string; height: number } {
  if (model.principles.length === 0) return { svg: '', height: 0 };
  const text = model.principles.map((principle) => principle.name).join('  ·  ');
  const lines = wrapText(text, width - 20, 10.5);
  const height = 30 + lines.length * 14;
  const svg =
    `<g class="principles"><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="6" fill="#f8fafc" stroke="#cbd5e1"/>` +
    `<text x="${n(x + 10)}" y="${n(y + 16)}" font-size="11" font-weight="bold" fill="${MUTED}" letter-spacing="0.3">PRACTICE PRINCIPLES (GOVERN HOW EVERY COMPONENT IS USED)</text>` +
    lines
      .map(
        (line, i) =>
          `<text x="${n(x + 10)}" y="${n(y + 32 + i * 14)}" font-size="10.5" fill="${INK}">${escapeXml(line)}</text>`,
      )
      .join('') +
    `</g>`;
  return { svg, height };
}

type LegendMark = (x: number, y: number) => string;

const boxMark =
  (fill: string, stroke: string): LegendMark =>
  (x, y) =>
    `<rect x="${n(x)}" y="${n(y - 9)}" width="16" height="11" rx="2" fill="${fill}" stroke="${stroke}"/>`;
const lineMark =
  (color: string, dash?: string): LegendMark =>
  (x, y) =>
    `<line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 22)}" y2="${n(y - 4)}" stroke="${color}" stroke-width="2.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;

/** One or more rows of legend items, wrapped to the width. */
function renderLegend(
  items: Array<{ mark: LegendMark; text: string; markWidth: number }>,
  x: number,
  y: number,
  width: number,
  heading?: string,
): { svg: string; height: number } {
  let svg = '';
  let cursorX = x;
  let cursorY = y + 12;
  if (heading) {
    svg += `<text x="${n(x)}" y="${n(cursorY)}" font-size="10.5" font-weight="bold" fill="${INK}">${escapeXml(heading)}</text>`;
    cursorX += textWidth(heading, 10.5, true) + 12;
  }
  for (const item of items) {
    const itemWidth = item.markWidth + 5 + textWidth(item.text, 10) + 16;
    if (cursorX + itemWidth > x + width && cursorX > x) {
      cursorX = x;
      cursorY += 17;
    }
    svg += item.mark(cursorX, cursorY);
    svg += `<text x="${n(cursorX + item.markWidth + 5)}" y="${n(cursorY)}" font-size="10" fill="${INK}">${escapeXml(item.text)}</text>`;
    cursorX += itemWidth;
  }
  return { svg, height: cursorY - y + 8 };
}

/**
 * Renders a model's theory of change as a standalone SVG: component groups → constructs → immediate →
 * short-term → long-term outcomes, laid out with elkjs, with stages and principles as context and a legend.
 * With `overlay`, each link is coloured by the caller's value (e.g. evidence gathered for it).
 */
export async function renderModelDiagram(model: PracticeModel, options: DiagramOptions = {}): Promise<string> {
  const layout = await layoutModelDiagram(model);
  const markers = new Map<string, string>();
  const { paint, legend, scale } = paintLinks(model, options);
  const edges = renderEdges(layout, paint, markers);
  const graphWidth = Math.max(layout.width, edges.reach);
  const width = Math.max(graphWidth, MIN_WIDTH);
  const graphX = MARGIN + (width - graphWidth) / 2;

  const title = options.title ?? `${model.name} — ${model.id} ${model.version}`;
  let y = MARGIN;
  let body = `<text x="${MARGIN}" y="${n(y + 18)}" font-size="20" font-weight="bold" fill="${INK}">${escapeXml(title)}</text>`;
  y += 30;
  const subtitle = wrapText(
    'Theory of change: components work through mechanisms toward immediate, short-term and long-term outcomes. Every link is a testable hypothesis.',
    width,
    11,
  );
  body += textLines(subtitle, MARGIN, y + 10, `font-size="11" fill="${MUTED}"`);
  y += subtitle.length * DIAGRAM_LINE_HEIGHT + 34;

  const graphTop = y;
  const { bands, headings } = renderColumns(layout, 0, layout.height);
  body +=
    `<g class="graph" transform="translate(${n(graphX)},${n(graphTop)})">` +
    bands +
    headings +
    renderGroups(layout) +
    `<g class="links">${edges.lines}</g>` +
    layout.nodes.map(renderNode).join('') +
    edges.labels +
    `</g>`;
  y = graphTop + layout.height + 28;

  const stages = renderStages(model, MARGIN, y, width);
  body += stages.svg;
  y += stages.height + (stages.height > 0 ? 16 : 0);
  const principles = renderPrinciples(model, MARGIN, y, width);
  body += principles.svg;
  y += principles.height + (principles.height > 0 ? 14 : 0);

  const keyItems = [
    { mark: boxMark(NODE_STYLE.component.fill, NODE_STYLE.component.stroke), text: 'component', markWidth: 16 },
    { mark: boxMark(NODE_STYLE.construct.fill, NODE_STYLE.construct.stroke), text: 'construct', markWidth: 16 },
    ...OUTCOME_TIERS.map((tier) => ({
      mark: boxMark(TIER_STYLE[tier].fill, TIER_STYLE[tier].stroke),
      text: `${tier} outcome`,
      markWidth: 16,
    })),
    {
      mark: ((x, y) => `<circle cx="${n(x + 4)}" cy="${n(y - 4)}" r="3" fill="${INK}"/>`) as LegendMark,
      text: 'published in the source; unmarked elements are Praxis’s operationalization',
      markWidth: 8,
    },
  ];
  const key = renderLegend(keyItems, MARGIN, y, width, 'Key');
  body += key.svg;
  y += key.height + 4;

  const linkItems = legend.map((entry) => ({
    mark: lineMark(entry.color, entry.dash),
    text: entry.text,
    markWidth: 22,
  }));
  let linkLegend = renderLegend(
    linkItems,
    MARGIN,
    y,
    width,
    options.overlay ? (options.overlayTitle ?? 'Links by value') : 'Links',
  );
  if (scale) {
    // The gradient sits on the heading's row when there are no categories, else on a row of its own.
    const heading = options.overlayTitle ?? 'Links by value';
    const first = linkItems.length === 0;
    const gradientX = MARGIN + (first ? textWidth(heading, 10.5, true) + 12 : 0);
    const row = first ? y : y + linkLegend.height - 4;
    const low = scale.stops[0]?.at ?? 0;
    const high = scale.stops.at(-1)?.at ?? 0;
    const lowLabel = formatNumber(low);
    const barX = gradientX + textWidth(lowLabel, 10) + 6;
    const ticks =
      scale.stops.length === 3
        ? `<text x="${n(barX + 70)}" y="${n(row + 25)}" text-anchor="middle" font-size="9" fill="${MUTED}">0</text>`
        : '';
    const scaleSvg =
      `<text x="${n(gradientX)}" y="${n(row + 12)}" font-size="10" fill="${INK}">${escapeXml(lowLabel)}</text>` +
      `<rect x="${n(barX)}" y="${n(row + 3)}" width="140" height="10" fill="url(#overlay-scale)" stroke="#94a3b8" stroke-width="0.5"/>` +
      ticks +
      `<text x="${n(barX + 146)}" y="${n(row + 12)}" font-size="10" fill="${INK}">${escapeXml(formatNumber(high))}</text>`;
    linkLegend = { svg: linkLegend.svg + scaleSvg, height: row - y + (ticks ? 30 : 20) };
  }
  body += linkLegend.svg;
  y += linkLegend.height + 6;

  const source = wrapText(`Source: ${model.citation}`, width, 9);
  body += textLines(source, MARGIN, y + 9, `font-size="9" fill="${MUTED}"`);
  y += source.length * DIAGRAM_LINE_HEIGHT;

  const totalWidth = width + 2 * MARGIN;
  const totalHeight = y + MARGIN;
  const markerDefs = [...markers]
    .map(
      ([color, id]) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M0,1 L10,5 L0,9 z" fill="${color}"/></marker>`,
    )
    .join('');
  const gradient = scale ? scaleGradient(scale) : '';

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(totalWidth)} ${n(totalHeight)}" width="100%" preserveAspectRatio="xMidYMin meet" ` +
    `font-family="${FONT_FAMILY.replace(/'/g, '&apos;')}" role="img" aria-labelledby="diagram-title">` +
    `<title id="diagram-title">${escapeXml(title)}</title>` +
    `<desc>${escapeXml(`${model.components.length} components, ${model.constructs.length} constructs, ${model.outcomes.length} outcomes and ${model.links.length} hypothesized links of ${model.id} ${model.version}.`)}</desc>` +
    `<style>@page { size: A4; margin: 10mm } @media print { svg { width: 100%; height: auto } } text { font-kerning: normal }</style>` +
    `<defs>${markerDefs}${gradient}</defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    body +
    `</svg>\n`
  );
}

function scaleGradient(scale: ValueScale): string {
  const low = scale.stops[0]?.at ?? 0;
  const span = (scale.stops.at(-1)?.at ?? 0) - low || 1;
  const stops = scale.stops
    .map((stop) => `<stop offset="${n((stop.at - low) / span)}" stop-color="rgb(${stop.rgb.join(',')})"/>`)
    .join('');
  return `<linearGradient id="overlay-scale">${stops}</linearGradient>`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
