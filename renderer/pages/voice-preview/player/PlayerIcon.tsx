import type { ReactNode } from 'react';

export type PlayerIconName = 'play' | 'pause' | 'loop' | 'volume' | 'download';

// Drawn in the markup like the navigation icons (Feather-style, 24-unit grid): no icon font or
// file for the CSP to allow, and the colour follows the button's text.
const SHAPES: Record<PlayerIconName, ReactNode> = {
  play: <path d="M7 4.5v15l12.5-7.5z" className="player-icon__fill" />,
  pause: (
    <>
      <rect x="6" y="4.5" width="4" height="15" rx="1" className="player-icon__fill" />
      <rect x="14" y="4.5" width="4" height="15" rx="1" className="player-icon__fill" />
    </>
  ),
  loop: (
    <>
      <path d="M17 1l4 4-4 4" />
      <path d="M3 11V9a4 4 0 0 1 4-4h14" />
      <path d="M7 23l-4-4 4-4" />
      <path d="M21 13v2a4 4 0 0 1-4 4H3" />
    </>
  ),
  volume: (
    <>
      <path d="M11 5L6 9H2v6h4l5 4V5z" />
      <path d="M15.54 8.46a5 5 0 0 1 0 7.07M19.07 4.93a10 10 0 0 1 0 14.14" />
    </>
  ),
  download: (
    <>
      <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4" />
      <path d="M7 10l5 5 5-5M12 15V3" />
    </>
  ),
};

export function PlayerIcon({ name, size = 16 }: { name: PlayerIconName; size?: number }) {
  return (
    <svg className="player-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {SHAPES[name]}
    </svg>
  );
}
