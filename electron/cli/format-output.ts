/** Human-readable output of procedure results; --json prints the raw value instead. */

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function table(rows: Array<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => scalar(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const render = (line: string[]): string => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [render(columns), ...cells.map(render)].join('\n');
}

function keyValues(value: Record<string, unknown>, indent = ''): string {
  return Object.entries(value)
    .map(([key, inner]) => {
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
        return `${indent}${key}:\n${keyValues(inner as Record<string, unknown>, indent + '  ')}`;
      }
      if (Array.isArray(inner) && inner.every((item) => item && typeof item === 'object')) {
        const shown = inner.map((item) => Object.values(item as object).map(scalar).join(' ')).join(', ');
        return `${indent}${key}: ${shown || '-'}`;
      }
      return `${indent}${key}: ${scalar(inner)}`;
    })
    .join('\n');
}

export function formatForHumans(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    if (value.every((item) => item && typeof item === 'object')) return table(value as Array<Record<string, unknown>>);
    return value.map(scalar).join('\n');
  }
  if (value && typeof value === 'object') return keyValues(value as Record<string, unknown>);
  return scalar(value);
}
