import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../../electron/api/index.js';

export const WHOAMI_KEY = ['session.whoami', {}] as const;

/**
 * Only failures that may pass on their own (server briefly unreachable) are retried: a FORBIDDEN or
 * VALIDATION_FAILED answer will not change by asking again, and each retry spends the per-client
 * rate limit of the headless console (100 requests/min, bursts of 20).
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiCallError && error.code !== 'UNREACHABLE') return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        // A session that expires mid-use: ask "who am I?" again, which brings back the sign-in form.
        // The whoami query itself is excluded, or its own failure would refetch it forever.
        if (error instanceof ApiCallError && error.code === 'UNAUTHENTICATED' && query.queryKey[0] !== WHOAMI_KEY[0]) {
          void client.invalidateQueries({ queryKey: WHOAMI_KEY });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
