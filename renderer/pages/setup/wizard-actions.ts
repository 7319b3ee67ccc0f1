import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WIZARD_STEPS, type ApiCallError, type InputOf, type WizardState, type WizardStep } from '../../../electron/api/index.js';
import { callProcedure } from '../../api/hooks';

export type ConfirmInput = InputOf<'setup.confirm'>;

/** The step before this one, or null on the first. */
export function previousStep(step: WizardStep): WizardStep | null {
  const index = WIZARD_STEPS.indexOf(step);
  return index > 0 ? WIZARD_STEPS[index - 1]! : null;
}

export function stepNumber(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step) + 1;
}

/**
 * Confirm (the step's write, then the next step) and Back (the position only); both go through
 * the server. The answer is the wizard's new state, put straight into the cache: refreshing
 * every query after each step (what other mutations do) would re-run the hardware check and
 * spend the console's rate limit on queries of a step that is being left.
 */
export function useWizardActions(onState?: (state: WizardState) => void) {
  const client = useQueryClient();
  const onSuccess = (state: WizardState): void => {
    client.setQueryData(['setup.state', {}], state);
    onState?.(state);
  };
  const confirm = useMutation<WizardState, ApiCallError, ConfirmInput>({ mutationFn: (input) => callProcedure('setup.confirm', input), onSuccess });
  const goTo = useMutation<WizardState, ApiCallError, InputOf<'setup.goTo'>>({ mutationFn: (input) => callProcedure('setup.goTo', input), onSuccess });
  return { confirm, goTo };
}
