import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface NewTokenNoticeProps {
  name: string;
  token: string;
  onDismiss: () => void;
}

type CopyState = 'idle' | 'copied' | 'unavailable';

/** The new account's token, shown once: the server keeps only its hash and cannot show it again. */
export function NewTokenNotice({ name, token, onDismiss }: NewTokenNoticeProps) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy(): Promise<void> {
    field.current?.select();
    // The Clipboard API exists only in secure contexts (HTTPS, localhost, the Electron window);
    // over plain HTTP on the office network the selected text is copied by hand instead.
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(token);
      setCopyState('copied');
    } catch {
      setCopyState('unavailable');
    }
  }

  return (
    <div className="alert alert--success token-notice" role="status" data-testid="new-account-notice">
      <p className="alert__text">
        <strong>{t('accounts.tokenTitle', { name })}</strong>
      </p>
      <div className="token-notice__row">
        <input
          ref={field}
          className="input input--mono token-notice__token"
          data-testid="new-account-token"
          value={token}
          readOnly
          aria-label={t('accounts.tokenTitle', { name })}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()} data-testid="new-account-copy">
          {t('accounts.copy')}
        </button>
      </div>
      <p className="alert__meta">{t('accounts.tokenHint', { name })}</p>
      {copyState !== 'idle' && (
        <p className="alert__meta" aria-live="polite">
          {t(copyState === 'copied' ? 'accounts.copied' : 'accounts.copyUnavailable')}
        </p>
      )}
      <button type="button" className="button button--link" onClick={onDismiss}>
        {t('accounts.dismiss')}
      </button>
    </div>
  );
}
