import { describe, expect, it } from 'vitest';
import { newUploadFolderName, planUpload, relativePathOf } from './upload-names';
import { suggestNextVersion } from './suggest-version';

/** A picked file as the browser gives it: from a folder picker it carries webkitRelativePath. */
function picked(name: string, relative = '', bytes = 10): File {
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, 'webkitRelativePath', { value: relative });
  return file;
}

/** The upload route's rule for the path under the folder (electron/services/model-store/import-source.ts). */
const SAFE_RELATIVE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

describe('planUpload', () => {
  it('keeps sub-folders of a picked folder and drops the picked folder itself', () => {
    const plan = planUpload([
      picked('voice_vits.onnx', 'amy-v1/voice_vits.onnx'),
      picked('clip01.wav', 'amy-v1/ref/clip01.wav', 100),
      picked('clip01.txt', 'amy-v1/ref/clip01.txt'),
    ]);
    expect(plan.items.map((item) => item.path)).toEqual(['voice_vits.onnx', 'ref/clip01.wav', 'ref/clip01.txt']);
    expect(plan.totalBytes).toBe(120);
    expect(plan.renamed).toEqual([]);
  });

  it('renames what the server would refuse, the same way for a clip and its text, and leaves out hidden files', () => {
    const plan = planUpload([
      picked('參考 01.wav', 'v/ref/參考 01.wav'),
      picked('參考 01.txt', 'v/ref/參考 01.txt'),
      picked('-odd.onnx'),
      picked('.DS_Store', 'v/.DS_Store'),
      picked('x.wav', 'v/.hidden/x.wav'),
    ]);
    expect(plan.items.map((item) => item.path)).toEqual(['ref/___01.wav', 'ref/___01.txt', '_-odd.onnx']);
    for (const item of plan.items) expect(item.path).toMatch(SAFE_RELATIVE_PATH);
    expect(plan.renamed).toHaveLength(3);
    expect(plan.skipped).toEqual(['.DS_Store', '.hidden/x.wav']);
  });

  it('refuses to let two files end up with one name', () => {
    const plan = planUpload([picked('a b.wav'), picked('a_b.wav'), picked('A_B.wav')]);
    expect(plan.items).toHaveLength(1);
    expect(plan.collisions).toHaveLength(2);
  });

  it('uses the bare name of files picked one by one', () => {
    expect(relativePathOf(picked('voice.onnx'))).toBe('voice.onnx');
  });
});

describe('newUploadFolderName', () => {
  it('is a single safe segment, different each time', () => {
    const first = newUploadFolderName(new Date(2025, 2, 1, 14, 22, 33));
    expect(first).toMatch(/^upload-20250301-142233-[a-z0-9]{4}$/);
    expect(newUploadFolderName()).not.toBe(newUploadFolderName());
  });
});

describe('suggestNextVersion', () => {
  it('suggests the next minor version above the highest, or 1.0.0 for a new line', () => {
    expect(suggestNextVersion([])).toBe('1.0.0');
    expect(suggestNextVersion(['1.0.0', '1.2.3', '1.10.0', '0.9.0'])).toBe('1.11.0');
    expect(suggestNextVersion(['2.0.0-rc.1'])).toBe('2.1.0');
  });
});
