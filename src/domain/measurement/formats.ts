/** The file formats an instrument travels in; kept apart from the parsers so the browser can name them without loading them. */
export const instrumentFormats = ['json', 'yaml', 'redcap'] as const;
export type InstrumentFormat = (typeof instrumentFormats)[number];
