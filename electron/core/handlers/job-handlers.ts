import type { JobRegistry } from '../jobs.js';
import type { HandlersFor } from './handler-types.js';

export function jobHandlers(jobs: JobRegistry): HandlersFor<'jobs.list' | 'jobs.cancel'> {
  return {
    'jobs.list': () => jobs.list(),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
