import type { Random } from './random.ts';

/**
 * Invented names for the demo. Places are made up and people's surnames are compounds no register
 * is likely to hold, so that nothing in the demo can be mistaken for a real agency or person.
 */

/** Two fictional states, each with its own fictional regions (7 and 6, as in the tracking study). */
export const demoStates = [
  {
    name: 'Northvale',
    regions: [
      'Alder Ridge',
      'Brackenford',
      'Cinderlake',
      'Dunmoor Hollow',
      'Elmstead Plains',
      'Fernhaven',
      'Gullwater',
    ],
  },
  {
    name: 'Southmere',
    regions: ['Harrowmead', 'Ironbrook', 'Juniper Shoals', 'Kestrel Flats', 'Larkspur Vale', 'Mistlecombe'],
  },
] as const;

/** The practitioners the demo adds beside the practitioner demo login. */
export const demoPractitionerNames = [
  'Robin Fieldwork',
  'Sasha Supportwell',
  'Devon Guidewright',
  'Jamie Bridgeman',
  'Noor Mentorfield',
] as const;

const givenNames = [
  'Avery',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Quinn',
  'Rowan',
  'Skyler',
  'Emerson',
  'Harper',
  'Dakota',
  'Reese',
  'Sage',
  'Tatum',
  'Elliot',
  'Finley',
  'Kai',
  'Marley',
  'Remy',
  'Shiloh',
];
const surnameStarts = [
  'Ash',
  'Birch',
  'Cobble',
  'Dune',
  'Elder',
  'Fallow',
  'Gale',
  'Heath',
  'Ivy',
  'Kettle',
  'Lark',
  'Moss',
  'Nettle',
  'Pebble',
  'Quill',
  'Reed',
  'Sorrel',
  'Thistle',
  'Wren',
];
const surnameEnds = ['wick', 'brook', 'field', 'stone', 'ley', 'more', 'ridge', 'worth', 'combe', 'hollow'];

/** A fictional person's name not yet in `taken` (which it extends). */
export function personName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(givenNames)} ${random.pick(surnameStarts)}${random.pick(surnameEnds)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** `first.last` in lower case, for e-mail addresses. */
export const emailLocalPart = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
