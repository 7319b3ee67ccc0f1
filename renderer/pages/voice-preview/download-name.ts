/**
 * The file name of a downloaded preview: staff, version and the time it was made, e.g.
 * "sample-mei_1.1.0_20260310-142501.wav" (local time, sortable, no characters any file system refuses).
 */
export function downloadName(preview: { staff: string; version: string; createdAt: string }): string {
  const at = new Date(preview.createdAt);
  const safe = (value: string): string => value.replace(/[^A-Za-z0-9_.-]/g, '-');
  if (Number.isNaN(at.getTime())) return `${safe(preview.staff)}_${safe(preview.version)}.wav`;
  const two = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${safe(preview.staff)}_${safe(preview.version)}_${stamp}.wav`;
}
