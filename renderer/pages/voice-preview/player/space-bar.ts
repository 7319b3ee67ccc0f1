import { useEffect } from 'react';

/**
 * Space plays and pauses the player used last (the page has one or, in A/B, two). Players
 * claim the key when they start playing or are clicked or focused.
 */
let target: (() => void) | null = null;

export function claimSpaceBar(toggle: () => void): void {
  target = toggle;
}

export function releaseSpaceBar(toggle: () => void): void {
  if (target === toggle) target = null;
}

/** Where Space already means something (typing, pressing a button, choosing an option). */
function spaceBelongsTo(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable) return true;
  if (element.closest('[role="slider"].player__wave')) return false;
  return element.closest('input, textarea, select, button, a[href], summary, [role="button"], [role="radio"], [role="checkbox"], [role="slider"]') !== null;
}

/** Listens for Space on the whole page while the preview screen is shown. */
export function useSpaceBarShortcut(): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.key !== ' ' || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      if (spaceBelongsTo(event.target) || !target) return;
      event.preventDefault();
      target();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
