/**
 * Installs the sample pack through the store's real import path (with all of its checks, and
 * the engine's signature check where the app has set it): emotion/basic 1.0.0, a text emotion
 * classifier trained now on the sample corpus, and three sample staff members with synthetic
 * voices (voice/sample-mei 1.0.0 and 1.1.0, voice/sample-james 1.0.0, voice/sample-ling
 * 1.0.0). Idempotent: what exists already is left alone and reported as skipped, with why.
 * The sample voices are labelled "sample" and "not a cloned voice" wherever they appear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobControl } from '../../core/jobs.js';
import type { ModelStore } from '../model-store/model-store.js';
import { findSamplePackAssets, readSampleVoices, writeEmotionModel, writeSampleVoice } from './sample-pack-files.js';

export const SAMPLE_EMOTION_LINE = 'emotion/basic';
export const SAMPLE_EMOTION_VERSION = '1.0.0';

export interface SamplePackReport {
  /** "emotion/basic 1.0.0", "staff sample-mei", "voice/sample-mei 1.1.0", ... */
  installed: string[];
  /** The same, with the reason: "voice/sample-mei 1.0.0 (already installed)". */
  skipped: string[];
  /** Held-out accuracy of the sample emotion model (measured now, or recorded when it was installed). */
  emotionAccuracy: number | null;
}

export interface InstallOptions {
  /** assets/sample-pack; found next to the app when not given. */
  assets?: string;
}

function recordedAccuracy(store: ModelStore, line: string, version: string): number | null {
  const metrics = store.versions.show(line, version).metadata.metrics;
  const value = typeof metrics === 'object' && metrics !== null ? (metrics as Record<string, unknown>).heldOutAccuracy : undefined;
  return typeof value === 'number' ? value : null;
}

function isSample(store: ModelStore, line: string, version: string): boolean {
  return store.versions.show(line, version).metadata.sample === true;
}

export async function installSamplePack(store: ModelStore, job: JobControl, actor: string, origin: string, options: InstallOptions = {}): Promise<SamplePackReport> {
  const assets = options.assets ?? findSamplePackAssets();
  const voices = readSampleVoices(assets);
  const report: SamplePackReport = { installed: [], skipped: [], emotionAccuracy: null };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-sample-pack-'));
  const importFolder = async (source: string, line: string, version: string, format: 'piper' | 'emotion-text'): Promise<void> => {
    job.throwIfCancelled();
    await store.importVersion({ source, line, version, format, actor, origin }, job);
    report.installed.push(`${line} ${version}`);
  };
  try {
    job.progress({ phase: 'sample pack: emotion model', unit: 'steps' });
    const emotionLabel = `${SAMPLE_EMOTION_LINE} ${SAMPLE_EMOTION_VERSION}`;
    if (store.repo.findVersion(SAMPLE_EMOTION_LINE, SAMPLE_EMOTION_VERSION)) {
      const sample = isSample(store, SAMPLE_EMOTION_LINE, SAMPLE_EMOTION_VERSION);
      report.skipped.push(`${emotionLabel} (${sample ? 'already installed' : 'a model that is not the sample has this version; left alone'})`);
      if (sample) report.emotionAccuracy = recordedAccuracy(store, SAMPLE_EMOTION_LINE, SAMPLE_EMOTION_VERSION);
    } else {
      job.progress({ phase: 'sample pack: training the emotion model' });
      const dir = path.join(work, 'emotion-basic');
      const built = writeEmotionModel(assets, dir);
      await importFolder(dir, SAMPLE_EMOTION_LINE, SAMPLE_EMOTION_VERSION, 'emotion-text');
      report.emotionAccuracy = built.heldOutAccuracy;
    }

    for (const member of voices.members) {
      job.throwIfCancelled();
      job.progress({ phase: `sample pack: ${member.code}` });
      const existing = store.staffRepo.find(member.code);
      if (existing?.retiredAt) {
        report.skipped.push(`staff ${member.code} (retired; its sample voices are not reinstalled)`);
        continue;
      }
      if (existing) report.skipped.push(`staff ${member.code} (already exists)`);
      else {
        store.staff.add(member.code, member.name);
        report.installed.push(`staff ${member.code}`);
      }
      const line = `voice/${member.code}`;
      for (const { version } of member.versions) {
        if (store.repo.findVersion(line, version)) {
          report.skipped.push(`${line} ${version} (already installed)`);
          continue;
        }
        const dir = path.join(work, `${member.code}-${version}`);
        writeSampleVoice(voices, member.code, version, dir);
        await importFolder(dir, line, version, 'piper');
      }
    }
    job.progress({ phase: 'sample pack: done' });
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
