import { describe, expect, test } from 'vitest';
import { issuePathSegments, lineOfOffset, locateIssuePath, syntaxErrorLocation } from './issue-location.ts';

const yamlText = `id: demo
components:
  - id: relating
    activities:
      - id: observe
        label: Observe
      - id: observe
        label: Observe again
supersedes:
  version: 1.0.0
  idMap:
    teaching/demonstrate: null
`;

const jsonText = JSON.stringify(
  { id: 'demo', components: [{ id: 'a', activities: [{ id: 'x' }, { id: 'y' }] }] },
  null,
  2,
);

const textAt = (text: string, path: string) => {
  const location = locateIssuePath(text, path);
  return (
    location && {
      text: text.slice(location.start, location.end),
      exact: location.exact,
      line: lineOfOffset(text, location.start),
    }
  );
};

describe('issuePathSegments', () => {
  test('reads keys, indices and quoted keys', () => {
    expect(issuePathSegments('components[3].activities[1].id')).toEqual(['components', 3, 'activities', 1, 'id']);
    expect(issuePathSegments('supersedes.idMap["teaching/demonstrate"]')).toEqual([
      'supersedes',
      'idMap',
      'teaching/demonstrate',
    ]);
    expect(issuePathSegments('')).toEqual([]);
  });
});

describe('locateIssuePath', () => {
  test('finds a key deep in YAML', () => {
    expect(textAt(yamlText, 'components[0].activities[1].id')).toEqual({ text: 'id', exact: true, line: 7 });
    expect(textAt(yamlText, 'supersedes.idMap["teaching/demonstrate"]')).toEqual({
      text: 'teaching/demonstrate',
      exact: true,
      line: 12,
    });
  });

  test('finds a key in JSON', () => {
    expect(textAt(jsonText, 'components[0].activities[1].id')).toMatchObject({ text: '"id"', exact: true });
  });

  test('falls back to the deepest part that exists', () => {
    expect(textAt(yamlText, 'components[0].definition')).toEqual({ text: 'id: relating', exact: false, line: 3 });
    expect(textAt(yamlText, 'stages')).toBeUndefined();
  });

  test('gives nothing for the root or unparsable text', () => {
    expect(locateIssuePath(yamlText, '')).toBeUndefined();
    expect(locateIssuePath('id: [unclosed', 'id')).toBeUndefined();
  });
});

describe('syntaxErrorLocation', () => {
  test('turns "line L, column C" into an offset', () => {
    const text = 'a: 1\nbb: 2\n';
    expect(syntaxErrorLocation(text, 'line 2, column 2: something')).toEqual({ start: 6, end: 6, exact: true });
    expect(syntaxErrorLocation(text, 'no position')).toBeUndefined();
  });
});
