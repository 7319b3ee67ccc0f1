import type { ApiTransport } from '../../electron/api/index.js';
import { createDesktopTransport } from './desktop-transport';
import { createHttpTransport } from './http-transport';

/** 'desktop' inside the Electron window, 'headless' in a browser. */
export type Door = 'desktop' | 'headless';

export function currentDoor(): Door {
  return window.voiceops ? 'desktop' : 'headless';
}

let transport: ApiTransport | undefined;

/** The one transport of this page: chosen once, by whether the preload bridge exists. */
export function getTransport(): ApiTransport {
  transport ??= window.voiceops ? createDesktopTransport(window.voiceops) : createHttpTransport();
  return transport;
}
