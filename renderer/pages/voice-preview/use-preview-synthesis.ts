import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, OutputOf, Preview } from '../../../electron/api/index.js';
import { callProcedure } from '../../api/hooks';
import { base64ToBlob } from './wav-blob';

export interface SentenceClip {
  blob: Blob;
  durationSeconds: number;
}

/** One preview as the screen follows it: the record, each sentence's clip as it arrives, then the whole clip. */
export interface PreviewRun {
  phase: 'idle' | 'starting' | 'synthesizing' | 'ready' | 'failed';
  preview: Preview | null;
  sentences: readonly string[];
  clips: readonly SentenceClip[];
  /** The whole clip (all sentences); set once the preview is ready. */
  final: Blob | null;
  error: unknown;
  /** Whether the screen should start playing as soon as audio arrives. */
  autoPlay: boolean;
  /** Where the last sentence was sampled (GPT-SoVITS) and with which seed; null for Piper. */
  sampling: OutputOf<'previews.synthesize'>['sampling'];
}

export const IDLE_RUN: PreviewRun = { phase: 'idle', preview: null, sentences: [], clips: [], final: null, error: null, autoPlay: false, sampling: null };

export type StartInput = InputOf<'previews.start'>;

/**
 * Makes a preview the way the contract offers it: previews.start, then previews.synthesize for
 * each sentence in order, so the first sentence can play while the next ones are made. A new
 * run (or leaving the page) stops the old one between sentences.
 */
export function usePreviewSynthesis() {
  const [run, setRun] = useState<PreviewRun>(IDLE_RUN);
  const generation = useRef(0);
  useEffect(() => () => void (generation.current += 1), []);

  const synthesize = useCallback(async (input: StartInput, options: { autoPlay: boolean }): Promise<Preview | null> => {
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    setRun({ ...IDLE_RUN, phase: 'starting', autoPlay: options.autoPlay });
    try {
      const started = await callProcedure('previews.start', input);
      if (!current()) return null;
      setRun((r) => ({ ...r, phase: 'synthesizing', preview: started.preview, sentences: started.sentences }));
      let preview = started.preview;
      for (let index = 0; index < started.sentences.length; index++) {
        const part = await callProcedure('previews.synthesize', { id: started.preview.id, index });
        if (!current()) return null;
        preview = part.preview;
        const clip = { blob: base64ToBlob(part.wavBase64), durationSeconds: part.durationSeconds };
        setRun((r) => ({ ...r, preview: part.preview, clips: [...r.clips, clip], sampling: part.sampling }));
      }
      // One sentence is the whole clip already; several were joined on the server.
      const final =
        started.sentences.length === 1
          ? null
          : base64ToBlob((await callProcedure('previews.get', { id: started.preview.id })).wavBase64);
      if (!current()) return null;
      setRun((r) => ({ ...r, phase: 'ready', final: final ?? r.clips[0]?.blob ?? null }));
      return preview;
    } catch (error) {
      if (current()) setRun((r) => ({ ...r, phase: 'failed', error }));
      return null;
    }
  }, []);

  /** A stored preview again (history): no synthesis, one request. */
  const replay = useCallback(async (id: string): Promise<void> => {
    const mine = ++generation.current;
    setRun({ ...IDLE_RUN, phase: 'starting', autoPlay: true });
    try {
      const stored = await callProcedure('previews.get', { id });
      if (generation.current !== mine) return;
      const blob = base64ToBlob(stored.wavBase64);
      setRun({
        ...IDLE_RUN,
        phase: 'ready',
        autoPlay: true,
        preview: stored.preview,
        sentences: [stored.preview.text],
        clips: [{ blob, durationSeconds: stored.preview.durationSeconds ?? 0 }],
        final: blob,
      });
    } catch (error) {
      if (generation.current === mine) setRun({ ...IDLE_RUN, phase: 'failed', error });
    }
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    setRun(IDLE_RUN);
  }, []);

  return { run, synthesize, replay, reset };
}
