/**
 * Inference metrics for the dashboard, per model line: latency percentiles over the last
 * 1000 requests, throughput over the last minute, error rate, model load times.
 */
export interface LineMetrics {
  line: string;
  requests: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  perMinute: number;
  lastLoadMs: number | null;
}

const WINDOW = 1000;

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Series {
  latencies: number[];
  outcomes: boolean[];
  finishedAt: number[];
  requests: number;
  errors: number;
  lastLoadMs: number | null;
}

export class EngineMetrics {
  private readonly lines = new Map<string, Series>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  private series(line: string): Series {
    let s = this.lines.get(line);
    if (!s) {
      s = { latencies: [], outcomes: [], finishedAt: [], requests: 0, errors: 0, lastLoadMs: null };
      this.lines.set(line, s);
    }
    return s;
  }

  record(line: string, ms: number, ok: boolean, loadMs: number | null): void {
    const s = this.series(line);
    s.requests++;
    if (!ok) s.errors++;
    if (ok) s.latencies.push(ms);
    s.outcomes.push(ok);
    s.finishedAt.push(this.now());
    if (loadMs !== null) s.lastLoadMs = loadMs;
    for (const list of [s.latencies, s.outcomes, s.finishedAt]) if (list.length > WINDOW) list.splice(0, list.length - WINDOW);
  }

  /** A model load that was not part of a request (the preload at start). */
  recordLoad(line: string, loadMs: number): void {
    this.series(line).lastLoadMs = loadMs;
  }

  snapshot(): LineMetrics[] {
    const now = this.now();
    return [...this.lines.entries()].map(([line, s]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const failures = s.outcomes.filter((ok) => !ok).length;
      return {
        line,
        requests: s.requests,
        errors: s.errors,
        errorRate: s.outcomes.length ? failures / s.outcomes.length : 0,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        perMinute: s.finishedAt.filter((t) => now - t <= 60_000).length,
        lastLoadMs: s.lastLoadMs,
      };
    });
  }
}
