import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  testId: string;
  /** Shown under the field while there is no error. */
  hint?: string | undefined;
  /** Replaces the hint and marks the field invalid (for screen readers too). */
  error?: string | null | undefined;
  /** Codes, paths, tokens: a monospace input. */
  mono?: boolean;
  /** The dialog focuses this field first. */
  autoFocus?: boolean;
  spellCheck?: boolean;
  placeholder?: string;
}

/** One labelled text input with its hint or error, wired for assistive technology. */
export function TextField({ label, value, onChange, maxLength, testId, hint, error, mono = false, autoFocus = false, spellCheck, placeholder }: TextFieldProps) {
  const id = useId();
  const message = error ?? hint;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={mono ? 'input input--mono' : 'input'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={maxLength}
        autoComplete="off"
        {...(spellCheck !== undefined ? { spellCheck } : {})}
        {...(placeholder !== undefined ? { placeholder } : {})}
        aria-invalid={Boolean(error)}
        aria-describedby={message ? `${id}-hint` : undefined}
        data-testid={testId}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      />
      {message && (
        <p className={error ? 'field__hint field__hint--error' : 'field__hint'} id={`${id}-hint`}>
          {message}
        </p>
      )}
    </div>
  );
}
