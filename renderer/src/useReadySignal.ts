import { useEffect } from 'react';

/**
 * Marks the page's root element `data-state="ready"` once React has mounted, the signal tests
 * wait on instead of sleeping.
 */
export function useReadySignal(elementId: string): void {
  useEffect(() => {
    const element = document.getElementById(elementId);
    element?.setAttribute('data-state', 'ready');
    return () => element?.removeAttribute('data-state');
  }, [elementId]);
}
