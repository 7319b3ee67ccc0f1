import type { AppContext } from '../core/app-context.js';

function size(bytes: number): string {
  // Decimal units, as the brief and the console count them.
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/**
 * Shows a job's progress on stderr while a CLI command runs it: a redrawn line on a terminal,
 * nothing in scripts and pipes (whose output must stay exactly the result).
 */
export function showJobProgress(app: AppContext, tty = Boolean(process.stderr.isTTY)): () => void {
  if (!tty) return () => undefined;
  const unsubscribe = app.bus.subscribe('admin', (message) => {
    if (message.name !== 'job.progress') return;
    const p = message.payload as { phase: string; done: number; total: number | null; rate: number | null; etaSeconds: number | null; unit: string };
    const amount = p.unit === 'bytes' ? `${size(p.done)}${p.total !== null ? ` of ${size(p.total)}` : ''}` : `${p.done}${p.total !== null ? `/${p.total}` : ''}`;
    const rate = p.rate && p.unit === 'bytes' ? `, ${size(p.rate)}/s` : '';
    const eta = p.etaSeconds !== null && p.etaSeconds > 0 ? `, ${p.etaSeconds} s left` : '';
    process.stderr.write(`\r\x1b[2K${p.phase}: ${amount}${rate}${eta}`);
  });
  return () => {
    unsubscribe();
    process.stderr.write('\r\x1b[2K');
  };
}
