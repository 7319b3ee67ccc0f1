import { STAFF_CODE_PATTERN } from '../../../electron/api/index.js';
import { hrefFor } from '../../app/routes';

/** "#/voice-preview/sample-mei" opens the preview on that staff member (a link others can follow). */
export function staffFromHash(hash: string): string | null {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] !== 'voice-preview' || !parts[1]) return null;
  const code = decodeURIComponent(parts[1]);
  return STAFF_CODE_PATTERN.test(code) ? code : null;
}

export function hrefForStaff(code: string): string {
  return `${hrefFor('voice-preview')}/${encodeURIComponent(code)}`;
}

/** Keeps the picked member in the address without adding a history entry per click. */
export function setStaffInHash(code: string): void {
  window.history.replaceState(null, '', hrefForStaff(code));
}
