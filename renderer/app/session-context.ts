import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../electron/api/index.js';

/** The signed-in user, provided by the app shell once `session.whoami` has answered. */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in app shell');
  return session;
}
