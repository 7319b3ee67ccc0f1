/** Numbers of a clip in the reader's number format. */
export function formatNumber(value: number, language: string, digits: number): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A real-time factor: two significant decimals for small values (0.012), two places otherwise. */
export function formatFactor(value: number, language: string): string {
  return formatNumber(value, language, value < 0.1 ? 3 : 2);
}
