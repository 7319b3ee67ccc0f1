function size(bytes: number): string {
  // Decimal units, as the brief and the console count them.
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

interface ProgressPayload {
  jobId: string;
  phase: string;
  done: number;
  total: number | null;
  rate: number | null;
  etaSeconds: number | null;
  unit: string;
}

/** One progress line: "copying: 1.2 GB of 3.40 GB, 210.0 MB/s, 11 s left". */
export function progressLine(p: ProgressPayload): string {
  const amount = p.unit === 'bytes' ? `${size(p.done)}${p.total !== null ? ` of ${size(p.total)}` : ''}` : `${p.done}${p.total !== null ? `/${p.total}` : ''}`;
  const rate = p.rate && p.unit === 'bytes' ? `, ${size(p.rate)}/s` : '';
  const eta = p.etaSeconds !== null && p.etaSeconds > 0 ? `, ${p.etaSeconds} s left` : '';
  return `${p.phase}: ${amount}${rate}${eta}`;
}

/** Where the events come from: the folder's own bus (direct) or the owner's event stream. */
export type EventSource = (listener: (message: { name: string; payload: unknown }) => void) => () => void;

/**
 * Shows a job's progress on stderr while a CLI command runs it: a redrawn line on a terminal,
 * nothing in scripts and pipes (whose output must stay exactly the result). Only the events
 * of this command's own job are shown (the owner may be running others).
 */
export function showJobProgress(source: EventSource, jobId: string, tty = Boolean(process.stderr.isTTY)): () => void {
  if (!tty) return () => undefined;
  const unsubscribe = source((message) => {
    if (message.name !== 'job.progress') return;
    const p = message.payload as ProgressPayload;
    if (p.jobId !== jobId) return;
    process.stderr.write(`\r\x1b[2K${progressLine(p)}`);
  });
  return () => {
    unsubscribe();
    process.stderr.write('\r\x1b[2K');
  };
}
