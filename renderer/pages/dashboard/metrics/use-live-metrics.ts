import { useState } from 'react';
import type { MetricSample, MetricValues } from '../../../../electron/api/index.js';
import { useSharedApiEvent } from '../../../api/event-hub';
import { useProcedureQuery } from '../../../api/hooks';

export interface LivePoint {
  t: number;
  values: MetricValues;
}

/** Live points kept in the page: five minutes at one a second. */
const LIVE_POINTS = 300;

/**
 * The newest sample and the last five minutes of live points. One read of metrics.current when
 * the page opens, then only the metrics.sample events the owner pushes over the shared event
 * stream: no polling.
 */
export function useLiveMetrics() {
  const first = useProcedureQuery('metrics.current', {}, { staleTime: Infinity, refetchOnWindowFocus: false });
  const [live, setLive] = useState<{ sample: MetricSample | null; points: LivePoint[] }>({ sample: null, points: [] });
  useSharedApiEvent('metrics.sample', ({ sample, values }) => {
    setLive((previous) => ({ sample, points: [...previous.points.slice(1 - LIVE_POINTS), { t: Date.parse(sample.at), values }] }));
  });
  return { sample: live.sample ?? first.data ?? null, points: live.points, receiving: live.sample !== null, first };
}
