import type { AuthService } from '../../services/auth/auth-service.js';
import type { StatusService } from '../../services/status/status-service.js';
import type { HandlerTable } from '../dispatch.js';
import type { EventBus } from '../event-bus.js';
import { accountHandlers } from './account-handlers.js';
import { systemHandlers } from './system-handlers.js';

export interface HandlerServices {
  auth: AuthService;
  status: StatusService;
  bus: EventBus;
}

/**
 * The one table every front door dispatches into, assembled from one slice per feature.
 * Handlers only translate between the contract and the services; the logic lives in
 * electron/services. A procedure without a handler is a compile error here.
 */
export function createHandlerTable({ auth, status, bus }: HandlerServices): HandlerTable {
  return {
    ...systemHandlers(status),
    ...accountHandlers(auth, bus),
  };
}
