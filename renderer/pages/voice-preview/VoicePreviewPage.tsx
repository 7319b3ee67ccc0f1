import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../electron/api/index.js';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { useSpaceBarShortcut } from './player/space-bar';
import { defaultCompareVersion, defaultVersion, findProblem } from './preview-checks';
import { useRefreshHistory, useRefreshRatings, useVoices } from './preview-queries';
import { staffFromHash, setStaffInHash } from './preview-route';
import { usePreviewSynthesis, type PreviewRun } from './use-preview-synthesis';
import { NO_SETTINGS, paramsOf, type VoiceSettings } from './voice-settings';
import { ComparePanel, type Comparison } from './parts/ComparePanel';
import { ComposeForm, type PreviewMode } from './parts/ComposeForm';
import { PhonesPanel } from './parts/PhonesPanel';
import { PreviewHistory } from './parts/PreviewHistory';
import { ReferenceAudio } from './parts/ReferenceAudio';
import { SingleResult } from './parts/SingleResult';
import { StaffPicker } from './parts/StaffPicker';
import { VersionPicker } from './parts/VersionPicker';
import './voice-preview.css';
import './parts/results.css';

const busy = (run: PreviewRun): boolean => run.phase === 'starting' || run.phase === 'synthesizing';

/**
 * Voice Preview: pick a staff member and a version, type a sentence, hear it (sentence by
 * sentence as it is made), compare two versions blind or not, rate them, replay recent ones.
 * The same screen for admins and supervisors: it has no control that changes a model.
 */
export function VoicePreviewPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [staff, setStaff] = useState<string | null>(() => staffFromHash(window.location.hash));
  const voices = useVoices(staff);
  const [version, setVersion] = useState<string | null>(null);
  const [mode, setMode] = useState<PreviewMode>('single');
  const [compareWith, setCompareWith] = useState<string | null>(null);
  const [blind, setBlind] = useState(true);
  const [text, setText] = useState('');
  const [settings, setSettings] = useState<VoiceSettings>(NO_SETTINGS);
  const [attempted, setAttempted] = useState(false);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const single = usePreviewSynthesis();
  const sideA = usePreviewSynthesis();
  const sideB = usePreviewSynthesis();
  const refreshHistory = useRefreshHistory();
  const refreshRatings = useRefreshRatings();
  useSpaceBarShortcut();

  const versions = useMemo(() => (voices.data?.staff === staff ? voices.data.versions : undefined), [voices.data, staff]);
  // A newly picked member opens on their active version (or the newest one that can play).
  useEffect(() => {
    if (!versions) return;
    setVersion((current) => (current && versions.some((v) => v.version === current) ? current : defaultVersion(versions)));
  }, [versions]);
  useEffect(() => {
    if (!versions) return;
    setCompareWith((current) => (current && current !== version && versions.some((v) => v.version === current && !v.blocked) ? current : defaultCompareVersion(versions, version)));
  }, [versions, version]);

  const selected = versions?.find((v) => v.version === version);
  const staffName = voices.data?.name ?? staff ?? '';
  const problem = findProblem({ staff, versions, version, text, ...(mode === 'compare' ? { compareWith } : {}) });
  const working = busy(single.run) || busy(sideA.run) || busy(sideB.run);
  const blindPending = comparison?.blind === true && !(comparison.rated.a && comparison.rated.b);
  const hiddenIds = blindPending ? [sideA.run.preview?.id, sideB.run.preview?.id].filter((id): id is string => Boolean(id)) : [];

  function pickStaff(code: string): void {
    if (code === staff) return;
    setStaff(code);
    setVersion(null);
    setStaffInHash(code);
  }

  async function synthesize(): Promise<void> {
    setAttempted(true);
    if (problem || !staff || !version || !selected) return; // explained on screen; nothing is sent
    const input = { staff, version, text: text.trim(), ...paramsOf(settings, selected.supportsSampling) };
    if (mode === 'single') {
      await single.synthesize(input, { autoPlay: true });
    } else {
      const pair = [version, compareWith!];
      if (blind && Math.random() < 0.5) pair.reverse();
      const [a, b] = pair as [string, string];
      setComparison({ a, b, blind, rated: { a: false, b: false } });
      sideA.reset();
      sideB.reset();
      // One after the other: the engine queue serves other callers in between.
      await sideA.synthesize({ ...input, version: a }, { autoPlay: false });
      await sideB.synthesize({ ...input, version: b }, { autoPlay: false });
    }
    await refreshHistory();
  }

  function replay(preview: Preview): void {
    setMode('single');
    void single.replay(preview.id);
  }

  return (
    <div className="preview-page">
      <PageHeader title={t('pages.voicePreview.title')} subtitle={t('pages.voicePreview.subtitle')} />
      <div className="preview-layout">
        <section className="card preview-layout__voice" aria-label={t('preview.staff.title')}>
          <StaffPicker selected={staff} onSelect={pickStaff} />
          {staff && (
            <div className="preview-layout__versions">
              {voices.isPending && <p className="muted">{t('preview.versions.loading')}</p>}
              {voices.isError && <ApiErrorMessage error={voices.error} role={user.role} onRetry={() => void voices.refetch()} />}
              {versions && <VersionPicker name={staffName} versions={versions} selected={version} onSelect={setVersion} />}
            </div>
          )}
        </section>

        <div className="stack preview-layout__main">
          <section className="card" aria-labelledby="compose-title">
            <div className="card__header card__header--tight">
              <h2 className="card__title" id="compose-title">
                {t('preview.compose.title')}
              </h2>
              {selected && (
                <span className="muted compose__voice" data-testid="preview-selected">
                  <span className="mono">{staff}</span> · <span className="mono">{selected.version}</span>
                </span>
              )}
            </div>
            <ComposeForm
              staffName={staffName}
              mode={mode}
              onMode={setMode}
              text={text}
              onText={setText}
              settings={settings}
              onSettings={setSettings}
              version={selected}
              samplingReport={mode === 'single' ? single.run.sampling : (sideA.run.sampling ?? sideB.run.sampling)}
              versions={versions ?? []}
              compareWith={compareWith}
              onCompareWith={setCompareWith}
              blind={blind}
              onBlind={setBlind}
              problem={problem}
              showProblem={attempted}
              busy={working}
              onSubmit={() => void synthesize()}
            >
              <SynthesisProgress mode={mode} single={single.run} a={sideA.run} b={sideB.run} />
            </ComposeForm>
            <PhonesPanel text={text} />
          </section>

          {mode === 'single' ? (
            <SingleResult run={single.run} />
          ) : (
            <ComparePanel
              comparison={comparison}
              runs={{ a: sideA.run, b: sideB.run }}
              onRated={(side) => {
                const rated = comparison ? { ...comparison.rated, [side]: true } : null;
                setComparison((c) => (c ? { ...c, rated: { ...c.rated, [side]: true } } : c));
                // Revealed now: the version lists may show the new ratings.
                if (comparison?.blind && rated?.a && rated.b) void refreshRatings();
              }}
            />
          )}

          {staff && selected && <ReferenceAudio key={`${staff}@${selected.version}`} staff={staff} version={selected} />}
          <PreviewHistory hiddenIds={hiddenIds} busyId={busy(single.run) ? (single.run.preview?.id ?? null) : null} onReplay={replay} />
        </div>
      </div>
    </div>
  );
}

function SynthesisProgress({ mode, single, a, b }: { mode: PreviewMode; single: PreviewRun; a: PreviewRun; b: PreviewRun }) {
  const { t } = useTranslation();
  const rows = mode === 'single' ? [{ side: null, run: single }] : [{ side: 'A', run: a }, { side: 'B', run: b }];
  return (
    <>
      {rows
        .filter(({ run }) => busy(run))
        .map(({ side, run }) => {
          const total = run.sentences.length;
          const done = run.clips.length;
          const label =
            run.phase === 'starting'
              ? t('preview.compose.progressStarting')
              : side
                ? t('preview.compose.progressSide', { side, done, total })
                : t('preview.compose.progress', { done, total });
          return (
            <div className="progress-line" key={side ?? 'single'} data-testid="preview-progress">
              <progress className="progress-line__bar" max={Math.max(total, 1)} value={done} aria-label={t('preview.compose.progressLabel')} />
              <span className="progress-line__text">{label}</span>
            </div>
          );
        })}
    </>
  );
}
