import { describe, expect, it } from 'vitest';
import { eisToc, ispProfile } from './builtin/index.ts';
import {
  componentsEmphasizedAt,
  componentsReaching,
  linksBetween,
  outcomesReachableFrom,
  stagesEmphasizing,
} from './graph.ts';

describe('outcomesReachableFrom', () => {
  it('finds the outcomes a component aims at, through its construct, and what they lead to', () => {
    const reached = outcomesReachableFrom(eisToc, 'relating');
    expect(reached.map((entry) => entry.outcome.id)).toEqual([
      'trust-alliance',
      'engagement',
      'knowledge-skills',
      'implementation-self-efficacy',
      'team-functioning',
      'implementation-capacity',
      'implementation-performance',
      'sustainment-scale',
      'population-outcomes',
    ]);
    const trust = reached[0]!;
    expect(trust.paths).toHaveLength(1);
    expect(trust.paths[0]!.elements).toEqual(['relating', 'trust', 'trust-alliance']);
    expect(trust.paths[0]!.links.map((link) => link.id)).toEqual(['relating-via-trust-to-trust-alliance']);
  });

  it('lists every simple path, shortest first', () => {
    const engagement = outcomesReachableFrom(eisToc, 'relating').find((entry) => entry.outcome.id === 'engagement')!;
    expect(engagement.paths.map((path) => path.elements)).toEqual([
      ['relating', 'outcome-expectations', 'engagement'],
      ['relating', 'trust', 'trust-alliance', 'engagement'],
    ]);
  });

  it('caps the number of paths per outcome', () => {
    const population = outcomesReachableFrom(eisToc, 'relating', { maxPaths: 2 }).at(-1)!;
    expect(population.outcome.id).toBe('population-outcomes');
    expect(population.paths).toHaveLength(2);
    expect(population.paths[0]!.links.length).toBeLessThanOrEqual(population.paths[1]!.links.length);
  });

  it('reaches every long-term outcome of eis-toc from some component, and population outcomes from all', () => {
    for (const component of eisToc.components) {
      const reached = outcomesReachableFrom(eisToc, component.id).map((entry) => entry.outcome.id);
      expect(reached).toContain('population-outcomes');
      for (const target of component.targetOutcomes) expect(reached).toContain(target);
    }
  });

  it('returns nothing for an unknown component', () => {
    expect(outcomesReachableFrom(eisToc, 'nobody')).toEqual([]);
  });
});

describe('componentsReaching', () => {
  it('finds the components that reach an outcome, with paths', () => {
    const reaching = componentsReaching(eisToc, 'experience-of-support');
    expect(reaching.map((entry) => entry.component.id)).toEqual(['tailoring']);
    expect(reaching[0]!.paths[0]!.elements).toEqual(['tailoring', 'outcome-expectations', 'experience-of-support']);
    expect(componentsReaching(eisToc, 'population-outcomes')).toHaveLength(10);
    expect(componentsReaching(ispProfile, 'system-alignment').map((entry) => entry.component.id)).toContain(
      'brokering',
    );
  });
});

describe('stage emphasis', () => {
  it('lists the components a stage emphasizes, in the stage order', () => {
    expect(componentsEmphasizedAt(eisToc, 'readiness-exploration').map((component) => component.id)).toEqual([
      'relating',
      'assessing',
      'co-designing',
    ]);
    expect(componentsEmphasizedAt(eisToc, 'nowhere')).toEqual([]);
  });

  it('lists the stages that emphasize a component', () => {
    expect(stagesEmphasizing(eisToc, 'improving').map((stage) => stage.id)).toEqual([
      'supported-performance',
      'local-regulation',
    ]);
    expect(stagesEmphasizing(eisToc, 'nobody')).toEqual([]);
  });
});

describe('linksBetween', () => {
  it('finds direct links in either direction', () => {
    expect(
      linksBetween(eisToc, 'implementation-capacity', 'implementation-performance').map((link) => link.id),
    ).toEqual(['implementation-capacity-to-implementation-performance']);
    expect(linksBetween(eisToc, 'implementation-performance', 'implementation-capacity')).toHaveLength(1);
  });

  it('counts a construct a link runs through as connected to both ends', () => {
    expect(linksBetween(eisToc, 'coaching', 'self-efficacy').map((link) => link.id)).toEqual([
      'coaching-via-self-efficacy-to-implementation-self-efficacy',
    ]);
    expect(linksBetween(eisToc, 'self-efficacy', 'implementation-self-efficacy')).toHaveLength(2);
    expect(linksBetween(eisToc, 'coaching', 'implementation-self-efficacy')).toHaveLength(1);
    expect(linksBetween(eisToc, 'relating', 'population-outcomes')).toEqual([]);
  });
});
