import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES } from '../../../native-engine/pipelines/index.js';
import type { EmotionResult, SpeechResult, VersionFiles } from '../../../native-engine/pipelines/pipeline.js';
import { openSessions, runOnce, signatures } from '../../../native-engine/pipelines/test-support/pipeline-harness.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { installSamplePack, type SamplePackReport } from './install-sample-pack.js';

const ALL = [
  'emotion/basic 1.0.0',
  'staff sample-mei',
  'voice/sample-mei 1.0.0',
  'voice/sample-mei 1.1.0',
  'staff sample-james',
  'voice/sample-james 1.0.0',
  'staff sample-ling',
  'voice/sample-ling 1.0.0',
];

/** The stored version as the engine gets it: blobs by digest. */
function storedVersion(t: TempStore, line: string, version: string): VersionFiles {
  const shown = t.store.versions.show(line, version);
  return {
    line,
    version,
    format: shown.format,
    metadata: shown.metadata,
    files: shown.files.map((f) => ({ path: f.path, role: f.role, absolutePath: t.store.layout.blobPath(f.sha256) })),
  };
}

/** What the app's import hook does: open the graphs, check their signature, prepare the pipeline. */
async function checkGraphs(files: VersionFiles): Promise<void> {
  const pipeline = PIPELINES[files.format];
  if (!pipeline) return;
  const sessions = await openSessions(files, pipeline.sessionRoles);
  try {
    const problems = pipeline.checkSignature(signatures(sessions));
    if (problems.length > 0) throw new Error(problems.join('; '));
    await pipeline.prepare(files);
  } finally {
    for (const open of Object.values(sessions)) await open.session.release();
  }
}

let t: TempStore;
let first: SamplePackReport;
const install = () => t.run((job) => installSamplePack(t.store, job, 'ann', 'cli'));

describe('installing the sample pack', () => {
  beforeAll(async () => {
    t = openTempStore();
    (t.store as { setGraphCheck?: (check: (files: VersionFiles) => Promise<void>) => void }).setGraphCheck?.(checkGraphs);
    first = await install();
  }, 120_000);
  afterAll(() => t.cleanup());

  it('imports the emotion model, three sample staff members and four voice versions, and reports the accuracy', () => {
    expect(first.installed).toEqual(ALL);
    expect(first.skipped).toEqual([]);
    expect(first.emotionAccuracy).toBeGreaterThan(0.6);
    expect(t.store.staff.list(false).map((m) => [m.code, m.name, m.activeVersion])).toEqual([
      ['sample-james', 'Sample — James (not a cloned voice)', '1.0.0'],
      ['sample-ling', 'Sample — Ling (not a cloned voice)', '1.0.0'],
      ['sample-mei', 'Sample — Mei (not a cloned voice)', '1.1.0'],
    ]);
  });

  it('marks every version as a sample and keeps the measured metrics with the emotion model', () => {
    const versions = t.store.versions.list().flatMap((line) => line.versions.map((v) => [line.line, v.version, v.sample, v.format]));
    expect(versions).toHaveLength(5);
    expect(versions.every(([, , sample]) => sample === true)).toBe(true);
    const emotion = t.store.versions.show('emotion/basic', '1.0.0');
    expect(emotion.metadata).toMatchObject({ sample: true, labels: ['neutral', 'satisfied', 'frustrated', 'angry'], metrics: { heldOutAccuracy: first.emotionAccuracy, trainSize: 320, testSize: 80 } });
    expect(emotion.files.map((f) => [f.path, f.role])).toEqual([
      ['model.onnx', 'emotion-model'],
      ['voiceops.json', 'metadata'],
    ]);
  });

  it('installs models the pipelines run from the store', async () => {
    const angry = (await runOnce(PIPELINES['emotion-text']!, storedVersion(t, 'emotion/basic', '1.0.0'), { kind: 'emotion-text', text: '這太誇張了，馬上叫你們主管來！' })) as EmotionResult;
    expect(angry.label).toBe('angry');
    const thanks = (await runOnce(PIPELINES['emotion-text']!, storedVersion(t, 'emotion/basic', '1.0.0'), { kind: 'emotion-text', text: 'Thank you so much, you have been very helpful.' })) as EmotionResult;
    expect(thanks.label).toBe('satisfied');
    const speech = (await runOnce(PIPELINES.piper!, storedVersion(t, 'voice/sample-ling', '1.0.0'), { kind: 'speech', text: '您好，這是範例語音。' })) as SpeechResult;
    expect(speech.durationSeconds).toBeGreaterThan(1);
  });

  it('skips everything that exists on a second install and says so', async () => {
    const second = await install();
    expect(second.installed).toEqual([]);
    expect(second.skipped).toEqual(
      ALL.map((item) => (item.startsWith('staff') ? `${item} (already exists)` : `${item} (already installed)`)),
    );
    expect(second.emotionAccuracy).toBe(first.emotionAccuracy);
    expect(t.store.versions.list().flatMap((l) => l.versions)).toHaveLength(5);
  });

  it("leaves a retired sample member's voices alone", async () => {
    t.store.staff.retire('sample-ling');
    const third = await install();
    expect(third.installed).toEqual([]);
    expect(third.skipped).toContain('staff sample-ling (retired; its sample voices are not reinstalled)');
  });
});
