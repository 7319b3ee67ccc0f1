import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { ApiCallError, InputOf, OutputOf } from '../../electron/api/index.js';
import { callProcedure, type MutationName, type QueryName } from './hooks';

/**
 * Like useProcedureMutation, but on success refreshes only the queries it names. Every refetch
 * is one request against the headless console's rate limit (bursts of 20, 100 a minute), and
 * a click that refreshed every cached query (the session included) would spend it fast.
 */
export type ScopedMutationOptions<N extends MutationName> = Omit<UseMutationOptions<OutputOf<N>, ApiCallError, InputOf<N>>, 'mutationFn'>;

export function useScopedMutation<N extends MutationName>(name: N, refreshes: readonly QueryName[], options?: ScopedMutationOptions<N>) {
  const client = useQueryClient();
  return useMutation<OutputOf<N>, ApiCallError, InputOf<N>>({
    mutationFn: (input) => callProcedure(name, input),
    ...options,
    onSuccess: async (...args) => {
      await client.invalidateQueries({ predicate: (query) => (refreshes as readonly unknown[]).includes(query.queryKey[0]) });
      await options?.onSuccess?.(...args);
    },
  });
}
