import { z } from 'zod';

/** Request and response shapes of the practice-model API, shared by the server and the web client. */

export const ModelVersionSummary = z.object({
  version: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  builtin: z.boolean(),
});
export type ModelVersionSummary = z.infer<typeof ModelVersionSummary>;

export const ModelSummary = z.object({
  id: z.string(),
  /** The latest version's name and citation. */
  name: z.string(),
  citation: z.string(),
  version: z.string(),
  publishedAt: z.string(),
  versions: z.array(ModelVersionSummary),
});
export type ModelSummary = z.infer<typeof ModelSummary>;

export const ModelIssue = z.object({ path: z.string(), message: z.string() });

export const ModelValidationResult = z.object({
  valid: z.boolean(),
  errors: z.array(ModelIssue),
  warnings: z.array(ModelIssue),
});
export type ModelValidationResult = z.infer<typeof ModelValidationResult>;

/** A model document, either as parsed JSON or as JSON/YAML text (what an editor holds). */
export const ModelSubmission = z.union([
  z.strictObject({ document: z.record(z.string(), z.unknown()) }),
  z.strictObject({ text: z.string().max(2_000_000), format: z.enum(['json', 'yaml']).optional() }),
]);
export type ModelSubmission = z.infer<typeof ModelSubmission>;

export const PublishedModel = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  publishedAt: z.string(),
  warnings: z.array(ModelIssue),
});
export type PublishedModel = z.infer<typeof PublishedModel>;
