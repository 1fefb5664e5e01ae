import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page, put the focus on its main content, as a full page load would, so
 * keyboard and screen-reader users start at the new page rather than on the link they left.
 */
export function useFocusMainOnNavigation(mainId: string): void {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(mainId)?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, mainId]);
}
