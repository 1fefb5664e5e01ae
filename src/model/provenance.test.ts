import { describe, expect, it } from 'vitest';
import { eisToc } from './builtin/index.ts';
import { provenanceSummary } from './provenance.ts';

describe('provenanceSummary', () => {
  it('counts what eis-toc takes from the article and what Praxis operationalizes', () => {
    expect(provenanceSummary(eisToc)).toEqual([
      { kind: 'stage', published: 4, operationalized: 0 },
      { kind: 'componentGroup', published: 2, operationalized: 3 },
      { kind: 'component', published: 0, operationalized: 10 },
      { kind: 'activity', published: 0, operationalized: 43 },
      { kind: 'principle', published: 0, operationalized: 8 },
      { kind: 'construct', published: 0, operationalized: 8 },
      { kind: 'outcome', published: 2, operationalized: 10 },
      { kind: 'link', published: 0, operationalized: 38 },
    ]);
  });
});
