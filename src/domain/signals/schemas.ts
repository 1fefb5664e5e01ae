import { z } from 'zod';

/**
 * Responsive signals: rules over the record that tell a practitioner or lead where support may need to
 * change. Each organization sets each rule's thresholds within the ranges here, or switches it off.
 */

const whole = (min: number, max: number, unit: string) =>
  z
    .number()
    .int(`must be whole ${unit}`)
    .min(min, `must be at least ${min} ${unit}`)
    .max(max, `must be at most ${max} ${unit}`);
const amount = (min: number, max: number) =>
  z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const SignalSettings = z.strictObject({
  noContact: z.strictObject({ enabled: z.boolean(), weeks: whole(1, 52, 'weeks') }),
  noFoundational: z.strictObject({ enabled: z.boolean(), months: whole(1, 24, 'months') }),
  plannedComponentUnused: z.strictObject({ enabled: z.boolean(), months: whole(1, 12, 'months') }),
  scoreFell: z.strictObject({
    enabled: z.boolean(),
    /** A fall between the last two waves larger than this, in the score's own units. */
    drop: amount(0.01, 100),
    /** A last-wave score below this, in the score's own units. */
    below: amount(0, 100),
  }),
  nextStepsOverdue: z.strictObject({ enabled: z.boolean(), days: whole(0, 365, 'days') }),
  doseFromPlan: z.strictObject({ enabled: z.boolean(), percent: whole(1, 500, 'percent') }),
});
export type SignalSettings = z.infer<typeof SignalSettings>;

export const signalRules = [
  'noContact',
  'noFoundational',
  'plannedComponentUnused',
  'scoreFell',
  'nextStepsOverdue',
  'doseFromPlan',
] as const;
export type SignalRule = (typeof signalRules)[number];

/** The thresholds an organization starts with. */
export const defaultSignalSettings: SignalSettings = {
  noContact: { enabled: true, weeks: 4 },
  noFoundational: { enabled: true, months: 3 },
  plannedComponentUnused: { enabled: true, months: 2 },
  scoreFell: { enabled: true, drop: 0.5, below: 3 },
  nextStepsOverdue: { enabled: true, days: 0 },
  doseFromPlan: { enabled: true, percent: 50 },
};

export const StoredSignalSettings = z.object({
  settings: SignalSettings,
  /** 0 while the organization uses the defaults. */
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredSignalSettings = z.infer<typeof StoredSignalSettings>;

export const Signal = z.object({
  /** Stable while the condition lasts: rule and subject, e.g. `plannedComponentUnused:coaching`. */
  key: z.string(),
  rule: z.enum(signalRules),
  engagementId: z.string(),
  /** What is the matter, in plain words. */
  title: z.string(),
  /** Why it fired: the facts read from the record. */
  explanation: z.string(),
  /** The rule and its threshold, as the organization set it. */
  ruleText: z.string(),
  acknowledgement: z
    .object({ note: z.string(), by: z.string().nullable(), at: z.string() })
    .nullable()
    .describe('The latest acknowledgement of this signal, if any.'),
});
export type Signal = z.infer<typeof Signal>;

export const AcknowledgementInput = z.strictObject({
  key: z.string().min(1).max(300),
  note: z.string().trim().min(1, 'is required: say what you did or why it is fine').max(2000),
});
export type AcknowledgementInput = z.infer<typeof AcknowledgementInput>;
