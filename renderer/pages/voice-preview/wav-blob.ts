/**
 * Clips cross the contract as base64 (JSON); the player and the download need a Blob. This only
 * unpacks bytes; decoding the audio is the browser's and wavesurfer's job.
 */
export function base64ToBlob(base64: string, type = 'audio/wav'): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
