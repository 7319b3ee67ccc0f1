import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError, type AppErrorData } from '../../../electron/api/index.js';
import { signIn } from '../../api/http-transport';
import { WHOAMI_KEY } from '../../app/query-client';
import { Brand } from '../../components/Brand';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';

type Problem = { kind: 'empty' } | { kind: 'server'; error: AppErrorData };

/** The headless console's door: one token, exchanged for an HttpOnly session cookie. */
export function SignInPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const trimmed = token.trim();
    if (!trimmed) {
      setProblem({ kind: 'empty' });
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await signIn(trimmed);
    if (result.ok) {
      setToken('');
      // Asking again who we are swaps this form for the console.
      await client.resetQueries({ queryKey: WHOAMI_KEY });
      return;
    }
    setBusy(false);
    setProblem({ kind: 'server', error: result.error });
    input.current?.select();
  }

  const wrongToken = problem?.kind === 'server' && problem.error.code === 'UNAUTHENTICATED';
  const errorId = `${ids}-error`;

  return (
    <div className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <main className="sign-in__card card">
        <Brand />
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="sign-in-form" className="stack stack--tight">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-token`}>
              {t('signIn.tokenLabel')}
            </label>
            <input
              ref={input}
              id={`${ids}-token`}
              className="input input--mono"
              type="password"
              name="token"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${errorId} ${ids}-hint` : `${ids}-hint`}
              data-testid="sign-in-token"
              autoFocus
            />
            <p className="field__hint" id={`${ids}-hint`}>
              {t('signIn.tokenHint')}
            </p>
          </div>
          <div id={errorId}>
            {problem?.kind === 'empty' && (
              <p className="alert alert--error" role="alert" data-testid="sign-in-error">
                {t('signIn.emptyToken')}
              </p>
            )}
            {wrongToken && (
              <p className="alert alert--error" role="alert" data-testid="sign-in-error" data-error-code="UNAUTHENTICATED">
                {t('signIn.wrongToken')}
              </p>
            )}
            {problem?.kind === 'server' && !wrongToken && (
              <ApiErrorMessage error={new ApiCallError(problem.error)} testId="sign-in-error" />
            )}
          </div>
          <button type="submit" className="button button--primary button--block" disabled={busy} data-testid="sign-in-submit">
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
