import { useTranslation } from 'react-i18next';
import { ApiCallError, type ErrorCode, type Role } from '../../electron/api/index.js';

interface ApiErrorMessageProps {
  error: unknown;
  /** The caller's role: a FORBIDDEN answer then names it ("Your role (supervisor) may not do this"). */
  role?: Role | undefined;
  onRetry?: (() => void) | undefined;
  testId?: string;
}

interface ShownError {
  code: ErrorCode | null;
  message: string;
  field: string | undefined;
}

function describe(error: unknown): ShownError {
  if (error instanceof ApiCallError) return { code: error.code, message: error.message, field: error.field };
  return { code: null, message: error instanceof Error ? error.message : String(error), field: undefined };
}

/**
 * The one way the console shows a failed call: a translated sentence for the stable error code,
 * followed by the server's own message (which names the procedure, field or limit involved).
 */
export function ApiErrorMessage({ error, role, onRetry, testId = 'api-error' }: ApiErrorMessageProps) {
  const { t } = useTranslation();
  const shown = describe(error);
  let heading: string;
  if (shown.code === 'FORBIDDEN' && role) heading = t('errors.forbiddenRole', { role: t(`roles.${role}`) });
  else if (shown.code) heading = t(`errors.codes.${shown.code}`);
  else heading = t('errors.unexpected');

  return (
    <div className="alert alert--error" role="alert" data-testid={testId} data-error-code={shown.code ?? 'CLIENT'}>
      <p className="alert__text">
        <strong>{heading}</strong> <span data-testid={`${testId}-detail`}>{shown.message}</span>
      </p>
      <p className="alert__meta">
        {shown.field !== undefined && <span>{t('errors.field', { field: shown.field })} · </span>}
        {shown.code && (
          <span>
            {t('errors.code')}: <code>{shown.code}</code>
          </span>
        )}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
