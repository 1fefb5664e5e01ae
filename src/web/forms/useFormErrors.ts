import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { formErrorsFromApi, noFormErrors, validateForm } from './field-errors.ts';
import type { FormErrors } from './field-errors.ts';

/** Error state of one form: validate before sending, show the server's refusal after. */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FormErrors<F>>(noFormErrors);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | null => {
      const result = validateForm(schema, values, fields);
      setErrors(result.ok ? noFormErrors() : result.errors);
      return result.ok ? result.data : null;
    },
    [fields],
  );

  const showApiError = useCallback((error: unknown) => setErrors(formErrorsFromApi(error, fields)), [fields]);
  const clear = useCallback(() => setErrors(noFormErrors()), []);

  return { fieldErrors: errors.fields, formError: errors.form, validate, showApiError, clear };
}
