import { useQueryClient } from '@tanstack/react-query';
import type { LineSummary, StaffMember } from '../../../electron/api/index.js';
import { useProcedureQuery, type MutationName, type QueryName } from '../../api/hooks';
import { useScopedMutation, type ScopedMutationOptions } from '../../api/scoped-mutation';
import { useSession } from '../../app/session-context';

/**
 * The page asks for every staff member (retired included) and every model line once, and each
 * view filters what it shows: one cache entry per list keeps the console well inside the
 * headless console's rate limit however often the views change.
 */
const STAFF_INPUT = { includeRetired: true };
const LINES_INPUT = {};

export function useStaffList() {
  return useProcedureQuery('staff.list', STAFF_INPUT);
}

export function useModelLines() {
  return useProcedureQuery('models.list', LINES_INPUT);
}

export function findLine(lines: readonly LineSummary[] | undefined, line: string): LineSummary | undefined {
  return lines?.find((each) => each.line === line);
}

/** Admins manage models; supervisors see the same screens without a single control that changes them. */
export function useIsAdmin(): boolean {
  return useSession().user.role === 'admin';
}

export function voiceLine(code: string): string {
  return `voice/${code}`;
}

/** The queries a change to staff or models can affect (only those on screen are fetched again). */
export const MODEL_QUERIES: readonly QueryName[] = ['staff.list', 'models.list', 'models.audit', 'storage.report', 'incoming.list'];

/** A staff or model mutation that refreshes the model lists, not every query of the console. */
export function useModelMutation<N extends MutationName>(name: N, options?: ScopedMutationOptions<N>) {
  return useScopedMutation(name, MODEL_QUERIES, options);
}

/**
 * Promote, roll back and follow latest answer with the line's new summary: it goes straight
 * into the cached lists (the staff list shows the active version too) instead of two refetches.
 */
export function useLineMutation<N extends 'models.promote' | 'models.rollback' | 'models.unpin'>(name: N) {
  const client = useQueryClient();
  return useScopedMutation(name, [], {
    onSuccess: async (summary: LineSummary) => {
      client.setQueryData<LineSummary[]>(['models.list', LINES_INPUT], (lines) =>
        lines?.map((line) => (line.line === summary.line ? summary : line)),
      );
      if (summary.staffCode) {
        client.setQueryData<StaffMember[]>(['staff.list', STAFF_INPUT], (members) =>
          members?.map((member) => (member.code === summary.staffCode ? { ...member, activeVersion: summary.activeVersion } : member)),
        );
      }
      // Not on screen now; marked stale so they are read again when shown.
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'models.audit', refetchType: 'none' });
    },
  });
}
