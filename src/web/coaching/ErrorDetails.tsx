import { Alert, List } from '@mantine/core';
import { errorMessageOf, isApiError } from '../api/client.ts';

/** A refused save: its message and each field at fault, as the server named it. */
export function ErrorDetails({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" title={title} role="alert">
      {errorMessageOf(error)}
      {isApiError(error) && error.details.length > 0 && (
        <List size="sm" mt="xs">
          {error.details.map((d) => (
            <List.Item key={`${d.path}:${d.message}`}>
              {d.path}: {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
