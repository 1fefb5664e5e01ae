import type { ModelValidationResult } from '../../domain/models.ts';
import { type ModelValidation } from '../../model/validate.ts';

export const validationResult = (v: ModelValidation): ModelValidationResult => ({
  valid: v.valid,
  errors: v.errors,
  warnings: v.warnings,
});
