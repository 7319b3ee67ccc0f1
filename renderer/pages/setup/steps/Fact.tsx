import type { ReactNode } from 'react';

/** One labelled value of a step's fact grid. */
export function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt className="fact__label">{label}</dt>
      <dd className="fact__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
