import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { useModelMutation } from '../model-queries';

interface DeleteVersionDialogProps {
  line: string;
  version: string;
  onClose: () => void;
}

export function DeleteVersionDialog({ line, version, onClose }: DeleteVersionDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const remove = useModelMutation('models.delete', { onSuccess: onClose });
  return (
    <Dialog title={t('models.deleteVersion.title', { version })} onClose={onClose} busy={remove.isPending} testId="delete-version-dialog">
      <div className="stack stack--tight">
        <p>{t('models.deleteVersion.body', { line, version })}</p>
        {remove.isError && <ApiErrorMessage error={remove.error} role={user.role} testId="delete-version-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => remove.mutate({ line, version })}
            disabled={remove.isPending}
            data-testid="delete-version-confirm"
          >
            {remove.isPending ? t('models.deleteVersion.deleting') : t('models.deleteVersion.submit', { version })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
