import { useEffect } from 'react';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import {
  ApiCallError,
  type EventMessage,
  type EventName,
  type InputOf,
  type OutputOf,
  type ProcedureName,
  type Procedures,
} from '../../electron/api/index.js';
import { getTransport } from './transport';

type NamesOfKind<K extends 'query' | 'mutation'> = {
  [N in ProcedureName]: Procedures[N]['kind'] extends K ? N : never;
}[ProcedureName];
export type QueryName = NamesOfKind<'query'>;
export type MutationName = NamesOfKind<'mutation'>;

/** Calls a procedure and unwraps its Result: the value, or an ApiCallError with the stable code. */
export async function callProcedure<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await getTransport().invoke(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/**
 * Queries marked `meta: EVENT_FED` are kept current by contract events (the alerts banner on every
 * screen): a broad refresh after a mutation skips them, so a click does not spend one more request
 * of the console's rate limit on data that an event already brings.
 */
export const EVENT_FED = { eventFed: true } as const;
export const isEventFed = (query: { meta?: Record<string, unknown> | undefined }): boolean => query.meta?.['eventFed'] === true;

/** react-query for any query procedure of the contract; the cache key is [name, input]. */
export function useProcedureQuery<N extends QueryName>(
  name: N,
  input: InputOf<N>,
  options?: Omit<UseQueryOptions<OutputOf<N>, ApiCallError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<OutputOf<N>, ApiCallError>({
    queryKey: [name, input],
    queryFn: () => callProcedure(name, input),
    ...options,
  });
}

/** react-query for any mutation procedure; on success, every cached query is refreshed. */
export function useProcedureMutation<N extends MutationName>(
  name: N,
  options?: Omit<UseMutationOptions<OutputOf<N>, ApiCallError, InputOf<N>>, 'mutationFn'>,
) {
  const client = useQueryClient();
  return useMutation<OutputOf<N>, ApiCallError, InputOf<N>>({
    mutationFn: (input) => callProcedure(name, input),
    ...options,
    onSuccess: async (...args) => {
      await client.invalidateQueries({ predicate: (query) => !isEventFed(query) });
      await options?.onSuccess?.(...args);
    },
  });
}

/** Listens to contract events while the component is mounted. */
export function useApiEvent<N extends EventName>(name: N, listener: (payload: EventMessage<N>['payload']) => void): void {
  useEffect(
    () =>
      getTransport().subscribe((message) => {
        if (message.name === name) listener(message.payload as EventMessage<N>['payload']);
      }),
    [name, listener],
  );
}
