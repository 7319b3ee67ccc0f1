import type { Messages } from '../i18n/en';

export const ROUTE_IDS = ['setup', 'dashboard', 'staff-models', 'voice-preview', 'backups', 'settings'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const DEFAULT_ROUTE: RouteId = 'dashboard';

/** The navigation, in the order IT staff meet the screens: set up first, then run, then configure. */
export const NAV_ITEMS: readonly { id: RouteId; labelKey: `nav.${keyof Messages['nav']}` }[] = [
  { id: 'setup', labelKey: 'nav.setup' },
  { id: 'dashboard', labelKey: 'nav.dashboard' },
  { id: 'staff-models', labelKey: 'nav.staffModels' },
  { id: 'voice-preview', labelKey: 'nav.voicePreview' },
  { id: 'backups', labelKey: 'nav.backups' },
  { id: 'settings', labelKey: 'nav.settings' },
];

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

/** "#/backups" → "backups"; anything unknown falls back to the dashboard. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return (ROUTE_IDS as readonly string[]).includes(id) ? (id as RouteId) : DEFAULT_ROUTE;
}
