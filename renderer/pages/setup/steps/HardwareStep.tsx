import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { StepFrame } from '../StepFrame';
import { HardwareReport } from './HardwareReport';

const parseStaff = (raw: string): number | null => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : null;
};

export function HardwareStep({ state }: { state: WizardState }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const [staffText, setStaffText] = useState(String(state.staffCount));
  // The check runs for the figure last asked for, not on every keystroke.
  const [checkedStaff, setCheckedStaff] = useState(state.staffCount);
  const staff = parseStaff(staffText);
  const doctor = useProcedureQuery('hardware.doctor', { staff: checkedStaff }, { staleTime: Infinity, refetchOnWindowFocus: false });

  function recheck(): void {
    if (staff === null) return;
    if (staff === checkedStaff) void doctor.refetch();
    else setCheckedStaff(staff);
  }

  return (
    <StepFrame step="hardware" intro={t('setupWizard.hardware.intro')} confirmInput={staff === null ? {} : { staffCount: staff }} canConfirm={staff !== null && !!doctor.data}>
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-staff`}>
            {t('setupWizard.hardware.staffLabel')}
          </label>
          <input
            id={`${id}-staff`}
            className="input"
            type="number"
            min={1}
            max={1000}
            value={staffText}
            aria-invalid={staff === null}
            onChange={(event) => setStaffText(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && recheck()}
            data-testid="wizard-staff-count"
          />
          <p className="field__hint">{t('setupWizard.hardware.staffHint')}</p>
        </div>
        <div className="field field--action">
          <button type="button" className="button button--secondary" onClick={recheck} disabled={doctor.isFetching || staff === null} data-testid="wizard-recheck">
            {t('setupWizard.hardware.recheck')}
          </button>
        </div>
      </div>
      {doctor.isFetching && (
        <p className="muted" role="status" data-testid="hardware-checking">
          {t('setupWizard.hardware.checking')}
        </p>
      )}
      {doctor.isError && <ApiErrorMessage error={doctor.error} role={user.role} onRetry={() => void doctor.refetch()} />}
      {doctor.data && !doctor.isFetching && <HardwareReport report={doctor.data} />}
    </StepFrame>
  );
}
