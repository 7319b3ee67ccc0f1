/**
 * Local paths of picked files, in the desktop window only: the preload asks Electron for the
 * path of a File (window.voiceops.pathForFile); a browser never learns where a file came from.
 */
export function canReadLocalPaths(): boolean {
  return Boolean(window.voiceops);
}

export function localPathOf(file: File): string | null {
  const bridge = window.voiceops;
  if (!bridge) return null;
  try {
    const found = bridge.pathForFile(file);
    return found ? found : null;
  } catch {
    return null;
  }
}

/**
 * The folder the user picked with a folder input (webkitdirectory): the first file's local path
 * without the part below the picked folder. Its webkitRelativePath ("amy-v1/ref/clip01.wav")
 * starts with the picked folder's own name, and the local path ends with the same characters
 * (separators aside), so cutting by length works for "/" and "\" alike.
 */
export function pickedFolderPath(files: readonly File[]): string | null {
  const first = files[0];
  if (!first) return null;
  const absolute = localPathOf(first);
  const relative = first.webkitRelativePath;
  if (!absolute || !relative.includes('/')) return absolute;
  const below = relative.length - relative.indexOf('/');
  return absolute.slice(0, absolute.length - below);
}
