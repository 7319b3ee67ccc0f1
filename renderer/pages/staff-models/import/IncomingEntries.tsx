import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../electron/api/index.js';
import { useScopedMutation } from '../../../api/scoped-mutation';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';

type Entry = OutputOf<'incoming.list'>[number];

interface IncomingEntriesProps {
  entries: readonly Entry[];
  /** Called once an entry is gone, so a form that had chosen it can forget it. */
  onRemoved: (name: string) => void;
}

/**
 * The incoming folder's entries, each with Remove (asked again in place, not in a second modal):
 * uploads that were imported, or dropped there by mistake, need not wait for an SSH session.
 */
export function IncomingEntries({ entries, onRemoved }: IncomingEntriesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [confirming, setConfirming] = useState<string | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const returnFocusTo = useRef<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const remove = useScopedMutation('incoming.delete', ['incoming.list', 'storage.report'], {
    onSuccess: (result) => {
      setConfirming(null);
      onRemoved(result.name);
    },
  });

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  // Back to the Remove button after "Keep"; to the notice after a removal (its row is gone).
  useEffect(() => {
    if (confirming !== null || returnFocusTo.current === null) return;
    const name = returnFocusTo.current;
    returnFocusTo.current = null;
    list.current?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(name)}"] [data-remove]`)?.focus();
  }, [confirming]);
  useEffect(() => {
    if (remove.isSuccess) notice.current?.focus();
  }, [remove.isSuccess]);

  function keep(name: string): void {
    returnFocusTo.current = name;
    setConfirming(null);
  }

  function onConfirmKey(event: KeyboardEvent<HTMLDivElement>, name: string): void {
    // Escape takes back the question only, not the whole import dialog.
    if (event.key !== 'Escape' || remove.isPending) return;
    event.preventDefault();
    event.stopPropagation();
    keep(name);
  }

  const detail = (entry: Entry): string => {
    const size = formatBytes(entry.bytes, language);
    return entry.kind === 'folder' ? t('modelFiles.incoming.folderDetail', { count: entry.files, size }) : t('modelFiles.incoming.fileDetail', { size });
  };

  return (
    <div className="stack stack--tight">
      {entries.length > 0 && (
        <ul className="incoming-list" aria-label={t('modelFiles.incoming.listLabel')} data-testid="incoming-entries" ref={list}>
          {entries.map((entry) => (
            <li key={entry.name} className="incoming-list__item" data-entry={entry.name} data-testid={`incoming-entry-${entry.name}`}>
              <div className="incoming-list__text">
                <span className="incoming-list__name mono">{entry.name}</span>
                <span className="incoming-list__detail">{detail(entry)}</span>
              </div>
              {confirming === entry.name ? (
                <div className="incoming-list__confirm" role="group" aria-label={t('modelFiles.incoming.removeLabel', { name: entry.name })} onKeyDown={(event) => onConfirmKey(event, entry.name)}>
                  <span className="incoming-list__question">{t('modelFiles.incoming.confirm', { name: entry.name, size: formatBytes(entry.bytes, language) })}</span>
                  <span className="button-row button-row--end">
                    <button
                      type="button"
                      className="button button--danger button--small"
                      onClick={() => remove.mutate({ name: entry.name })}
                      disabled={remove.isPending}
                      data-testid="incoming-remove-confirm"
                    >
                      {remove.isPending ? t('modelFiles.incoming.removing') : t('modelFiles.incoming.confirmRemove')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      ref={keepButton}
                      onClick={() => keep(entry.name)}
                      disabled={remove.isPending}
                      data-testid="incoming-remove-keep"
                    >
                      {t('modelFiles.incoming.keep')}
                    </button>
                  </span>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button--danger-outline button--small"
                  aria-label={t('modelFiles.incoming.removeLabel', { name: entry.name })}
                  onClick={() => {
                    remove.reset();
                    setConfirming(entry.name);
                  }}
                  data-remove
                  data-testid="incoming-remove"
                >
                  {t('modelFiles.incoming.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.isSuccess && (
        <p className="field__hint" role="status" tabIndex={-1} ref={notice} data-testid="incoming-removed">
          {t('modelFiles.incoming.removed', { name: remove.data.name, size: formatBytes(remove.data.freedBytes, language) })}
        </p>
      )}
      {remove.isError && <ApiErrorMessage error={remove.error} testId="incoming-remove-error" />}
    </div>
  );
}
