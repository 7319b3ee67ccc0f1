import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../api/hooks';
import { currentDoor } from '../api/transport';
import { ApiErrorMessage } from '../components/ApiErrorMessage';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { AppShell } from './AppShell';
import { SessionContext } from './session-context';

/**
 * Decides between the sign-in form and the console by asking the server who we are. In the
 * desktop window the local user is always known, so only the headless door ever signs in.
 */
export function App() {
  const { t } = useTranslation();
  const door = currentDoor();
  const whoami = useProcedureQuery('session.whoami', {});

  if (whoami.isError && whoami.error.code === 'UNAUTHENTICATED' && door === 'headless') return <SignInPage />;
  // A failed background refresh keeps the console usable; only a first failure blocks it.
  if (whoami.data) {
    return (
      <SessionContext.Provider value={whoami.data}>
        <AppShell door={door} />
      </SessionContext.Provider>
    );
  }
  if (whoami.isError) {
    return (
      <div className="center-screen">
        <div className="card card--narrow">
          <h1 className="card__title">{t('app.startFailedTitle')}</h1>
          <ApiErrorMessage error={whoami.error} onRetry={() => void whoami.refetch()} testId="start-error" />
        </div>
      </div>
    );
  }
  return (
    <div className="center-screen" role="status" data-testid="app-loading">
      <span className="spinner" aria-hidden="true" />
      <p className="muted">{t('app.connecting')}</p>
    </div>
  );
}
