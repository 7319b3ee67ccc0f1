/**
 * One policy for the desktop window and the headless console: only our own scripts and
 * styles, no inline script, no eval, no plugins, no framing, network calls to our origin only.
 * blob: is allowed for audio and images because the voice preview plays generated clips.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // wavesurfer.js (the voice preview's waveform) writes one fixed stylesheet into its shadow
  // root; its hash allows exactly that text and nothing else. It changes with a wavesurfer
  // upgrade or a new waveform height: the e2e specs report any CSP violation.
  'style-src': ["'self'", "'sha256-2/AFTPuP4qEbSn4KmAzsJt3JK6WrqUViQjrdhLR/QMQ='"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
