import { describe, expect, it } from 'vitest';
import { builtinModels, eisToc } from './builtin/index.ts';
import { escapeXml, renderModelDiagram } from './diagram.ts';
import type { PracticeModel } from './schema.ts';

/** Checks that tags nest and close and that no raw `<` or bare `&` sits in text: enough to catch broken escaping. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  const body = svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const between = body.slice(last, match.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39|apos);)/);
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name as string);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

/** The words printed inside each element's box, keyed by element id. */
function printedText(svg: string): Map<string, string> {
  const printed = new Map<string, string>();
  for (const match of svg.matchAll(/<g class="node [a-z]+" data-element-id="([^"]+)">(.*?)<\/g>/g)) {
    const texts = [...(match[2] as string).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]);
    printed.set(match[1] as string, texts.join(' '));
  }
  return printed;
}

describe('renderModelDiagram', () => {
  it.each(builtinModels.map((model) => [model.id, model] as const))(
    'draws every component, construct and outcome of %s by name',
    async (_id, model) => {
      const svg = await renderModelDiagram(model);
      expectWellFormed(svg);
      const printed = printedText(svg);
      for (const element of [...model.components, ...model.constructs, ...model.outcomes]) {
        expect(printed.get(element.id), element.id).toContain(escapeXml(element.name));
      }
      // Wrapped lines are consecutive <text> elements, so names read whole once lines are joined.
      const allText = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]).join(' ');
      for (const group of model.componentGroups) expect(svg).toContain(`>${escapeXml(group.name)}</text>`);
      for (const principle of model.principles) expect(allText).toContain(escapeXml(principle.name));
      for (const stage of model.stages) expect(allText).toContain(escapeXml(stage.name));
      for (const link of model.links) expect(svg).toContain(`data-link-id="${link.id}"`);
    },
  );

  it('is a standalone, printable SVG that scales to the page width', async () => {
    const svg = await renderModelDiagram(eisToc);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 [\d.]+ [\d.]+" width="100%"/,
    );
    expect(svg).toContain('@page { size: A4');
    expect(svg).toContain('font-family="Helvetica, Arial');
    expect(svg).toContain('<marker id="arrow-0"');
    expect(svg).toContain(`<title id="diagram-title">EIS theory of change — eis-toc 1.0.0</title>`);
  });

  it('gives the same SVG for the same model', async () => {
    expect(await renderModelDiagram(eisToc)).toBe(await renderModelDiagram(eisToc));
  });

  it('escapes names, titles and citations', async () => {
    const model = structuredClone(eisToc) as PracticeModel;
    model.components[0]!.name = 'Relating <b>&</b> "trust"';
    model.citation = "O'Brien & <Smith>";
    const svg = await renderModelDiagram(model, { title: 'A < B & C' });
    expectWellFormed(svg);
    expect(svg).toContain('A &lt; B &amp; C');
    expect(svg).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('colours links by a numeric overlay value with a diverging scale and prints labels', async () => {
    const [first, second] = eisToc.links;
    const svg = await renderModelDiagram(eisToc, {
      overlay: { [first!.id]: { value: 0.5, label: 'ρ = .50' }, [second!.id]: { value: -0.5 } },
      overlayTitle: 'Evidence (Spearman ρ)',
    });
    expectWellFormed(svg);
    expect(svg).toMatch(new RegExp(`data-link-id="${first!.id}"[^>]*stroke="rgb\\(29,78,216\\)"`));
    expect(svg).toMatch(new RegExp(`data-link-id="${second!.id}"[^>]*stroke="rgb\\(185,28,28\\)"`));
    expect(svg).toContain('ρ = .50</text>');
    expect(svg).toContain('Evidence (Spearman ρ)');
    expect(svg).toContain('<linearGradient id="overlay-scale">');
    expect(svg).toContain('>no value</text>');
  });

  it('colours links by category or by the caller’s colour, each with a legend entry', async () => {
    const overlay = Object.fromEntries(
      eisToc.links.map((link, i) => [
        link.id,
        i % 3 === 0
          ? { value: 'supported' }
          : i % 3 === 1
            ? { value: 'not tested' }
            : { value: 'custom', color: '#ff00ff' },
      ]),
    );
    const svg = await renderModelDiagram(eisToc, { overlay });
    expect(svg).toContain('>supported</text>');
    expect(svg).toContain('>not tested</text>');
    expect(svg).toContain('>custom</text>');
    expect(svg).toMatch(new RegExp(`data-link-id="${eisToc.links[2]!.id}"[^>]*stroke="#ff00ff"`));
    expect(svg).not.toContain('>no value</text>');
  });

  it('draws a model with no stages, principles or constructs', async () => {
    const model: PracticeModel = {
      id: 'tiny',
      version: '0.1.0',
      name: 'Tiny',
      citation: '',
      description: '',
      stages: [],
      componentGroups: [{ id: 'all', name: 'all', provenance: 'operationalized' }],
      components: [
        {
          id: 'help',
          name: 'Helping',
          group: 'all',
          definition: 'Helps.',
          activities: [],
          mechanisms: [],
          targetOutcomes: ['better'],
          provenance: 'operationalized',
        },
      ],
      principles: [],
      constructs: [],
      outcomes: [
        { id: 'better', name: 'Better', tier: 'long-term', levels: ['system'], provenance: 'operationalized' },
      ],
      links: [
        {
          id: 'help-better',
          from: 'help',
          to: 'better',
          rationale: 'It helps.',
          status: 'supported',
          provenance: 'operationalized',
        },
      ],
    };
    const svg = await renderModelDiagram(model);
    expectWellFormed(svg);
    expect(printedText(svg).get('help')).toBe('Helping');
    expect(svg).toContain('supported link');
  });
});

describe('renderModelDiagram with arbitrary overlays', () => {
  it('stays well-formed whatever values, colours and labels the caller passes', async () => {
    const { default: fc } = await import('fast-check');
    const linkIds = eisToc.links.map((link) => link.id);
    const overlayValue = fc.record(
      {
        value: fc.oneof(
          fc.double(),
          fc.string(),
          fc.constantFrom('toString', '__proto__', 'supported', 'hypothesized'),
        ),
        color: fc.oneof(
          fc.constantFrom('#123', 'red', 'rgb(1, 2, 3)', '"/><script>alert(1)</script>', 'url(#x)'),
          fc.string(),
        ),
        label: fc.string(),
      },
      { requiredKeys: ['value'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...linkIds, 'not-a-link'), overlayValue, { maxKeys: 6 }),
        fc.string(),
        async (overlay, overlayTitle) => {
          const svg = await renderModelDiagram(eisToc, { overlay, overlayTitle });
          expectWellFormed(svg);
          expect(svg).not.toContain('<script');
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
