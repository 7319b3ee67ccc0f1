import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventMessage, EventName } from '../../electron/api/index.js';
import { getTransport } from './transport';

type Listener = (message: EventMessage<EventName>) => void;

const listeners = new Set<Listener>();
let stop: (() => void) | null = null;

/**
 * One transport subscription shared by every listener of the page. In the headless console each
 * subscription is an EventSource (one HTTP connection and one rate-limited request), so several
 * panels listening at once must not each open their own stream.
 */
function addListener(listener: Listener): () => void {
  listeners.add(listener);
  stop ??= getTransport().subscribe((message) => {
    for (const each of [...listeners]) each(message);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
    }
  };
}

/**
 * Like useApiEvent, over the shared subscription. The latest listener is always called, so
 * callers need not memoize it, and re-renders never reopen the stream.
 */
export function useSharedApiEvent<N extends EventName>(name: N, listener: (payload: EventMessage<N>['payload']) => void): void {
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(
    () =>
      addListener((message) => {
        if (message.name === name) latest.current(message.payload as EventMessage<N>['payload']);
      }),
    [name],
  );
}
