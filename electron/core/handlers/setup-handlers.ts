import type { SetupService } from '../../services/setup/setup-service.js';
import type { HandlersFor } from './handler-types.js';

type SetupNames = 'hardware.doctor' | 'setup.state' | 'setup.goTo' | 'setup.confirm' | 'setup.restart' | 'setup.dataFolder' | 'setup.database';

export function setupHandlers(setup: SetupService): HandlersFor<SetupNames> {
  return {
    'hardware.doctor': ({ staff }) => setup.doctor(staff),
    'setup.state': () => setup.state(),
    'setup.goTo': ({ step }) => setup.goTo(step),
    'setup.confirm': (input) => setup.confirm(input),
    'setup.restart': () => setup.restart(),
    'setup.dataFolder': () => setup.dataFolder(),
    'setup.database': () => setup.database(),
  };
}
