import type { ReactNode } from 'react';

/** One labelled value of a step's list of facts (label beside value, ordinary text size). */
export function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="wizard-facts__row">
      <dt className="wizard-facts__label">{label}</dt>
      <dd className="wizard-facts__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
