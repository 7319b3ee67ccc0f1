import type { ReactNode } from 'react';

interface StatusFieldProps {
  label: string;
  children: ReactNode;
  /** Set when the whole value is one fact a test reads; otherwise mark the inner element. */
  testId?: string;
  mono?: boolean;
}

export function StatusField({ label, children, testId, mono = false }: StatusFieldProps) {
  return (
    <div className="status-field">
      <dt className="status-field__label">{label}</dt>
      <dd className={mono ? 'status-field__value status-field__value--mono' : 'status-field__value'} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
