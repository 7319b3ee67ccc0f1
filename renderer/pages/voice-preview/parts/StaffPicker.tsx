import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../electron/api/index.js';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { usePreviewStaff } from '../preview-queries';

interface StaffPickerProps {
  selected: string | null;
  onSelect: (code: string) => void;
}

function matches(member: StaffMember, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || member.code.toLowerCase().includes(q) || member.name.toLowerCase().includes(q);
}

/** "Amy Chen" → "AC"; "陳美玲" → "陳美"; words without a letter ("—") are skipped. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const letters = words.length > 1 ? Array.from(words[0]!)[0]! + Array.from(words[1]!)[0]! : Array.from(words[0] ?? name.trim()).slice(0, 2).join('');
  return letters.toUpperCase();
}

/** Search by code or name, then pick; each entry says whether the member has a voice yet. */
export function StaffPicker({ selected, onSelect }: StaffPickerProps) {
  const { t } = useTranslation();
  const ids = useId();
  const staff = usePreviewStaff();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (staff.data ?? []).filter((m) => matches(m, query)), [staff.data, query]);

  return (
    <div className="picker">
      <label className="field" htmlFor={`${ids}-search`}>
        <span className="field__label">{t('preview.staff.title')}</span>
        <input
          id={`${ids}-search`}
          className="input"
          type="search"
          value={query}
          placeholder={t('preview.staff.searchPlaceholder')}
          aria-label={t('preview.staff.searchLabel')}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="preview-staff-search"
        />
      </label>
      {staff.isPending && <p className="muted">{t('preview.staff.loading')}</p>}
      {staff.isError && <ApiErrorMessage error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && staff.data.length === 0 && <p className="picker__empty muted">{t('preview.staff.empty')}</p>}
      {staff.data && staff.data.length > 0 && shown.length === 0 && <p className="picker__empty muted">{t('preview.staff.noMatch', { query: query.trim() })}</p>}
      {shown.length > 0 && (
        <ul className="picker__list" aria-label={t('preview.staff.listLabel')} data-testid="preview-staff-list">
          {shown.map((member) => {
            const on = member.code === selected;
            return (
              <li key={member.code}>
                <button
                  type="button"
                  className={on ? 'staff-option staff-option--on' : 'staff-option'}
                  aria-pressed={on}
                  onClick={() => onSelect(member.code)}
                  data-testid={`preview-staff-${member.code}`}
                >
                  <span className="staff-option__avatar" aria-hidden="true">
                    {initials(member.name)}
                  </span>
                  <span className="staff-option__text">
                    <span className="staff-option__name">{member.name}</span>
                    <span className="staff-option__meta">
                      <span className="mono">{member.code}</span>
                      {' · '}
                      {member.activeVersion ? t('preview.staff.active', { version: member.activeVersion }) : t('preview.staff.noVoice')}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
