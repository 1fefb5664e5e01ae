import { useEffect } from 'react';

/** Names the browser tab after the page, most specific part first: `Members · Demo · Praxis`. */
export function usePageTitle(...parts: ReadonlyArray<string | null | undefined>): void {
  const title = [...parts.filter((part): part is string => Boolean(part)), 'Praxis'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
