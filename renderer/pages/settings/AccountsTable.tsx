import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../electron/api/index.js';
import { useApiEvent } from '../../api/hooks';
import { formatDateTime } from '../../components/format-date';

export function AccountsTable({ users }: { users: readonly User[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const language = i18n.resolvedLanguage ?? 'en';

  // Another admin (or the CLI on the same data folder) may add or disable accounts meanwhile.
  // The listener must keep its identity, or useApiEvent would reopen the event stream each render.
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: ['users.list'] }), [client]);
  useApiEvent('users.changed', refresh);

  if (users.length === 0) return <p className="muted">{t('accounts.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="accounts-table">
        <caption className="visually-hidden">{t('accounts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.name')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.createdAt')}</th>
            <th scope="col">{t('accounts.lastSignInAt')}</th>
            <th scope="col">{t('accounts.state')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.name} data-testid={`account-row-${user.name}`}>
              <th scope="row" className="table__name">
                {user.name}
              </th>
              <td>
                <span className={`badge badge--role-${user.role}`}>{t(`roles.${user.role}`)}</span>
              </td>
              <td>{formatDateTime(user.createdAt, language)}</td>
              <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, language) : <span className="muted">{t('accounts.never')}</span>}</td>
              <td>
                <span className={user.disabled ? 'badge badge--error' : 'badge badge--ok'}>
                  {t(user.disabled ? 'accounts.disabled' : 'accounts.active')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
