import type { ProcedureName } from '../../api/index.js';
import type { Handler } from '../dispatch.js';

/** The handlers of one feature: a slice of the full table, checked against the contract. */
export type HandlersFor<Names extends ProcedureName> = { [N in Names]: Handler<N> };
