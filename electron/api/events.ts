import { z } from 'zod';
import { defineEvent, ROLES, type EventDef } from './contract.js';
import { jobProgressSchema } from './procedures/jobs.js';
import { alertsReportSchema, metricSampleSchema, metricValuesSchema } from './procedures/metrics.js';

/** Live events, pushed over IPC in the window and over Server-Sent Events in the headless console. */
export const events = {
  'users.changed': defineEvent({
    roles: ['admin'],
    summary: 'An account was added or disabled',
    payload: z.object({ name: z.string() }),
  }),
  'job.progress': defineEvent({
    roles: ROLES,
    summary: 'Progress of a long job (import, verify, export), throttled; the last one has its final state',
    payload: jobProgressSchema,
  }),
  'server.notice': defineEvent({
    roles: ROLES,
    summary: 'A message from the process that serves the console (e.g. it is shutting down)',
    payload: z.object({ level: z.enum(['info', 'warning']), message: z.string() }),
  }),
  'metrics.sample': defineEvent({
    roles: ROLES,
    summary: 'The latest metrics, once a second from the process that owns the data folder, with the charted values',
    payload: z.object({ sample: metricSampleSchema, values: metricValuesSchema }),
  }),
  'alerts.changed': defineEvent({
    roles: ROLES,
    summary: 'An alert fired, changed level or cleared: the active alerts and the latest log entries',
    payload: alertsReportSchema,
  }),
} satisfies Record<string, EventDef>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<N extends EventName> = z.output<Events[N]['payload']>;
export interface EventMessage<N extends EventName = EventName> {
  name: N;
  payload: PayloadOf<N>;
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
