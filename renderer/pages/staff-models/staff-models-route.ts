import { useSyncExternalStore } from 'react';
import { STAFF_CODE_PATTERN } from '../../../electron/api/index.js';
import { hrefFor } from '../../app/routes';

/** The views inside Staff & Models, kept in the hash after the page's own route. */
export type StaffModelsView =
  | { view: 'staff' }
  | { view: 'member'; code: string }
  | { view: 'shared' }
  | { view: 'storage' };

export type StaffModelsTab = 'staff' | 'shared' | 'storage';

const BASE = hrefFor('staff-models');

/** "#/staff-models/staff/amy" → member amy; "#/staff-models/storage" → storage; else the staff list. */
export function viewFromHash(hash: string): StaffModelsView {
  const parts = hash.replace(/^#\/?/, '').split('/').slice(1);
  if (parts[0] === 'shared') return { view: 'shared' };
  if (parts[0] === 'storage') return { view: 'storage' };
  if (parts[0] === 'staff' && parts[1]) {
    const code = decodeURIComponent(parts[1]);
    if (STAFF_CODE_PATTERN.test(code)) return { view: 'member', code };
  }
  return { view: 'staff' };
}

export function hrefForView(view: StaffModelsView): string {
  switch (view.view) {
    case 'staff':
      return BASE;
    case 'member':
      return `${BASE}/staff/${encodeURIComponent(view.code)}`;
    default:
      return `${BASE}/${view.view}`;
  }
}

export function tabOf(view: StaffModelsView): StaffModelsTab {
  return view.view === 'member' ? 'staff' : view.view;
}

export function navigateTo(view: StaffModelsView): void {
  window.location.hash = hrefForView(view);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

export function useStaffModelsView(): StaffModelsView {
  return viewFromHash(useSyncExternalStore(subscribe, snapshot));
}
