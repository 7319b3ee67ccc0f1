const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A size in decimal units (1 kB = 1000 B), the units the brief's figures use (1.4 GB per staff
 * member), with the reader's number format.
 */
export function formatBytes(bytes: number, language: string): string {
  if (!Number.isFinite(bytes)) return '—';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  const text = new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  return `${bytes < 0 ? '-' : ''}${text} ${UNITS[unit]}`;
}

export function formatPercent(percent: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(percent)} %`;
}
