import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api/http-transport';
import type { Door } from '../api/transport';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { WHOAMI_KEY } from './query-client';
import { useSession } from './session-context';
import { Brand } from '../components/Brand';

export function Header({ door }: { door: Door }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const client = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut(): Promise<void> {
    setSigningOut(true);
    await signOut();
    // Forget everything the previous user could see, then ask "who am I?" again: the answer
    // (UNAUTHENTICATED) brings back the sign-in form.
    await client.cancelQueries();
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== WHOAMI_KEY[0] });
    await client.resetQueries({ queryKey: WHOAMI_KEY });
  }

  return (
    <header className="topbar">
      <Brand />
      <div className="topbar__tools">
        <span className="badge badge--neutral" data-testid="front-door">
          {t(door === 'desktop' ? 'app.doorDesktop' : 'app.doorHeadless')}
        </span>
        <div className="user-chip" data-testid="header-user">
          <span className="user-chip__avatar" aria-hidden="true">
            {user.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="user-chip__text">
            <span className="visually-hidden">{t('app.signedInAs')} </span>
            <span className="user-chip__name" data-testid="header-user-name">
              {user.name}
            </span>
            <span className="user-chip__role">
              <span className="visually-hidden">{t('app.role')}: </span>
              <span data-testid="header-user-role" data-role={user.role}>
                {t(`roles.${user.role}`)}
              </span>
            </span>
          </span>
        </div>
        <LanguageSwitch />
        {door === 'headless' && (
          <button
            type="button"
            className="button button--secondary button--small"
            data-testid="sign-out"
            onClick={() => void handleSignOut()}
            disabled={signingOut}
          >
            {signingOut ? t('app.signingOut') : t('app.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
