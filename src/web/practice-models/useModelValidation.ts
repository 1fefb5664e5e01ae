import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ModelTextFormat } from '../../model/format.ts';
import { validatePracticeModel } from '../api/practice-model-documents.ts';
import { queryKeys } from '../query-keys.ts';
import { checkModelText, type ModelCheck } from './model-check.ts';

/** Where the shown verdict comes from: the browser's instant check, or the server's full check of the same text. */
export type ValidationSource = 'local' | 'server';

export interface ModelValidationState extends ModelCheck {
  source: ValidationSource;
  /** True while the server has not yet checked the text as it stands. */
  checking: boolean;
  /** True only when the server found the current text publishable. */
  publishable: boolean;
  serverError: unknown;
}

const LOCAL_DELAY_MS = 150;
const SERVER_DELAY_MS = 600;

/**
 * Live validation of editor text. The browser checks the model's own rules a moment after each keystroke;
 * once typing pauses, the server checks the same text as the next version of the stored model (the
 * successor rules need the versions it stores). The server's verdict replaces the local one when it is
 * for the current text, and only it can make the text publishable.
 */
export function useModelValidation(orgId: string, text: string, format: ModelTextFormat): ModelValidationState {
  const [localText] = useDebouncedValue(text, LOCAL_DELAY_MS);
  const [serverText] = useDebouncedValue(text, SERVER_DELAY_MS);
  const local = useMemo(() => checkModelText(localText, format), [localText, format]);
  const serverParses = useMemo(
    () => (serverText === localText ? local.parses : checkModelText(serverText, format).parses),
    [serverText, localText, local, format],
  );

  const server = useQuery({
    queryKey: [...queryKeys.practiceModels(orgId), 'validation', format, serverText],
    queryFn: ({ signal }) => validatePracticeModel(orgId, { text: serverText, format }, signal),
    enabled: serverParses,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });

  const serverCurrent = server.data !== undefined && serverText === text;
  if (serverCurrent && server.data) {
    return {
      parses: true,
      errors: server.data.errors,
      warnings: server.data.warnings,
      source: 'server',
      checking: false,
      publishable: server.data.valid,
      serverError: null,
    };
  }
  return {
    ...local,
    source: 'local',
    checking: local.parses && !server.isError,
    publishable: false,
    serverError: server.error,
  };
}
