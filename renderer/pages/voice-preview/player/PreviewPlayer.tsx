import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import type { PreviewRun } from '../use-preview-synthesis';
import { WAVEFORM_HEIGHT, adoptWaveformStyles } from '../waveform-styles';
import { formatClock } from './format-clock';
import { claimSpaceBar, releaseSpaceBar } from './space-bar';
import './player.css';
import { PlayerIcon } from './PlayerIcon';

interface PreviewPlayerProps {
  run: PreviewRun;
  /** The player's accessible name ("Player", "Voice A"). */
  label: string;
  testId: string;
}

type Mode = 'none' | 'part' | 'final';

interface Position {
  mode: Mode;
  index: number;
  loaded: Blob | null;
  /** The person (or autoplay) has started playback of this run. */
  started: boolean;
  /** The last sentence played to its end before the next one was made. */
  waiting: boolean;
  runKey: string | null;
}

const FRESH: Position = { mode: 'none', index: 0, loaded: null, started: false, waiting: false, runKey: null };

/**
 * The waveform player (wavesurfer.js over an <audio> element of the page). While a preview is
 * being made it plays the sentences one after another as they arrive; once the whole clip is
 * there it holds that one, for seeking, looping and replay.
 */
export function PreviewPlayer({ run, label, testId }: PreviewPlayerProps) {
  const { t } = useTranslation();
  const waveRef = useRef<HTMLDivElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const runRef = useRef(run);
  const pos = useRef<Position>({ ...FRESH });
  const loopRef = useRef(false);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [loop, setLoop] = useState(false);
  const [volume, setVolume] = useState(1);
  const [shown, setShown] = useState<{ mode: Mode; index: number; waiting: boolean }>({ mode: 'none', index: 0, waiting: false });
  const [failure, setFailure] = useState<string | null>(null);
  const [autoplayBlocked, setAutoplayBlocked] = useState(false);

  useLayoutEffect(() => {
    runRef.current = run;
    loopRef.current = loop;
  });

  const toggle = useCallback(() => {
    const player = ws.current;
    if (!player || pos.current.mode === 'none') return;
    pos.current.started = true;
    setAutoplayBlocked(false);
    void player.playPause().catch(() => setAutoplayBlocked(true));
  }, []);

  const load = useCallback(async (blob: Blob, mode: Mode, index: number, play: boolean) => {
    const player = ws.current;
    if (!player) return;
    const p = pos.current;
    p.mode = mode;
    p.index = index;
    p.waiting = false;
    setShown({ mode, index, waiting: false });
    if (p.loaded !== blob) {
      p.loaded = blob;
      setFailure(null);
      try {
        await player.loadBlob(blob);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // a newer load took over
        setFailure(error instanceof Error ? error.message : String(error));
        return;
      }
      if (pos.current.loaded !== blob) return; // the run changed while this one loaded
    }
    if (play) {
      pos.current.started = true;
      claimSpaceBar(toggle);
      try {
        await player.play();
      } catch {
        setAutoplayBlocked(true);
      }
    }
  }, [toggle]);

  /** Decides what to hold next: after a sentence ended, or when new audio arrived. */
  const advance = useCallback(
    (finished: boolean) => {
      const r = runRef.current;
      const p = pos.current;
      const player = ws.current;
      if (!player) return;
      if (p.mode === 'final') {
        if (finished && loopRef.current) {
          player.setTime(0);
          void player.play().catch(() => setAutoplayBlocked(true));
        }
        return;
      }
      if (p.mode === 'none') {
        if (r.final) void load(r.final, 'final', 0, r.autoPlay);
        else if (r.clips[0]) void load(r.clips[0].blob, 'part', 0, r.autoPlay);
        return;
      }
      const next = r.clips[p.index + 1];
      if (finished || p.waiting) {
        if (next) void load(next.blob, 'part', p.index + 1, true);
        else if (r.final) void load(r.final, 'final', 0, false);
        else {
          p.waiting = true;
          setShown({ mode: p.mode, index: p.index, waiting: true });
        }
      } else if (!p.started && r.final) {
        // Nothing played yet (A/B without autoplay): hold the whole clip straight away.
        void load(r.final, 'final', 0, false);
      }
    },
    [load],
  );
  const advanceRef = useRef(advance);
  useLayoutEffect(() => {
    advanceRef.current = advance;
  });

  useEffect(() => {
    const player = WaveSurfer.create({
      container: waveRef.current!,
      media: audioRef.current!,
      height: WAVEFORM_HEIGHT,
      waveColor: '#a7b4c8',
      progressColor: '#1d4ed8',
      cursorColor: '#0f172a',
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
    });
    adoptWaveformStyles(player.getWrapper());
    ws.current = player;
    const stops = [
      player.on('play', () => setPlaying(true)),
      player.on('pause', () => setPlaying(false)),
      player.on('timeupdate', (current) => setTime(current)),
      player.on('ready', (d) => setDuration(d)),
      player.on('decode', (d) => setDuration(d)),
      player.on('interaction', () => {
        pos.current.started = true;
        claimSpaceBar(toggle);
      }),
      player.on('finish', () => advanceRef.current(true)),
      player.on('error', (error) => setFailure(error instanceof Error ? error.message : String(error))),
    ];
    return () => {
      stops.forEach((stop) => stop());
      releaseSpaceBar(toggle);
      player.destroy();
      ws.current = null;
    };
  }, [toggle]);

  useEffect(() => {
    const p = pos.current;
    const key = run.preview?.id ?? null;
    if (run.phase === 'starting' || run.phase === 'idle' || key !== p.runKey) {
      if (p.mode !== 'none') {
        ws.current?.pause();
        pos.current = { ...FRESH };
        setShown({ mode: 'none', index: 0, waiting: false });
        setDuration(0);
        setTime(0);
        setFailure(null);
        setAutoplayBlocked(false);
      }
      pos.current.runKey = key;
    }
    advance(false);
  }, [run, advance]);

  useEffect(() => {
    ws.current?.setVolume(volume);
  }, [volume]);

  function onWaveKey(event: KeyboardEvent<HTMLDivElement>): void {
    const player = ws.current;
    if (!player || shown.mode === 'none') return;
    const step = event.shiftKey ? 5 : 1;
    const targets: Record<string, number> = { ArrowLeft: time - step, ArrowRight: time + step, Home: 0, End: duration };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    pos.current.started = true;
    player.setTime(Math.max(0, Math.min(duration, target)));
  }

  const hasAudio = shown.mode !== 'none';
  const total = run.sentences.length;
  const streaming = shown.mode === 'part' && total > 1;
  return (
    <section
      className="player"
      aria-label={label}
      data-testid={testId}
      data-mode={shown.mode}
      data-playing={String(playing)}
      onPointerDown={() => hasAudio && claimSpaceBar(toggle)}
      onFocus={() => hasAudio && claimSpaceBar(toggle)}
    >
      <audio ref={audioRef} preload="auto" data-testid={`${testId}-audio`} />
      <div
        ref={waveRef}
        className={hasAudio ? 'player__wave' : 'player__wave player__wave--empty'}
        tabIndex={hasAudio ? 0 : -1}
        role="slider"
        aria-label={t('preview.player.waveform')}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration * 10) / 10}
        aria-valuenow={Math.round(time * 10) / 10}
        aria-valuetext={t('preview.player.positionText', { current: formatClock(time), total: formatClock(duration) })}
        aria-disabled={!hasAudio}
        onKeyDown={onWaveKey}
        data-testid={`${testId}-waveform`}
      />
      {!hasAudio && (
        <p className="player__placeholder muted" data-testid={`${testId}-empty`}>
          {run.phase === 'starting' || run.phase === 'synthesizing' ? t('preview.compose.progressStarting') : t('preview.player.empty')}
        </p>
      )}
      <div className="player__controls">
        <button
          type="button"
          className="player__play"
          onClick={toggle}
          disabled={!hasAudio}
          aria-label={playing ? t('preview.player.pause') : t('preview.player.play')}
          data-testid={`${testId}-play`}
        >
          <PlayerIcon name={playing ? 'pause' : 'play'} size={20} />
        </button>
        <span className="player__time mono" data-testid={`${testId}-time`}>
          {formatClock(time)} / {formatClock(duration)}
        </span>
        {streaming && (
          <span className="badge badge--info" data-testid={`${testId}-sentence`}>
            {shown.waiting
              ? t('preview.player.waiting', { next: shown.index + 2, total })
              : t('preview.player.sentence', { current: shown.index + 1, total })}
          </span>
        )}
        <span className="player__spacer" />
        <button
          type="button"
          className={loop ? 'button button--small button--secondary player__toggle player__toggle--on' : 'button button--small button--secondary player__toggle'}
          aria-pressed={loop}
          onClick={() => setLoop((value) => !value)}
          data-testid={`${testId}-loop`}
        >
          <PlayerIcon name="loop" />
          {t('preview.player.loop')}
        </button>
        <label className="player__volume">
          <PlayerIcon name="volume" />
          <span className="visually-hidden">{t('preview.player.volume')}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={volume}
            onChange={(event) => setVolume(Number(event.target.value))}
            data-testid={`${testId}-volume`}
          />
        </label>
      </div>
      {autoplayBlocked && <p className="player__note">{t('preview.player.autoplayBlocked')}</p>}
      {failure && (
        <p className="player__note player__note--error" role="alert">
          {t('preview.player.failed')} <span className="muted">{failure}</span>
        </p>
      )}
    </section>
  );
}
