import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, sessionApi } from '../api';
import type { Session } from '../api/session';
import i18n from '../i18n';
import { isLanguage, storedLanguage } from '../i18n/languages';

export type SessionState =
  | { status: 'loading' }
  /** loggedOut: the user logged out; the next login is somebody's new start, not a return to this page. */
  | { status: 'anonymous'; loggedOut?: boolean }
  | { status: 'authenticated'; session: Session }
  | { status: 'unavailable'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  logIn(login: string, password: string): Promise<Session>;
  logOut(): Promise<void>;
  /** Asks the server again (app start, and after the server could not be reached). */
  reload(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** A user's preferred language applies only until they choose one with the language switch. */
function applyPreferredLanguage(session: Session): void {
  if (storedLanguage() === null && isLanguage(session.locale) && i18n.resolvedLanguage !== session.locale) {
    void i18n.changeLanguage(session.locale);
  }
}

/**
 * Who is logged in. On start it asks the server (`GET /session`), because the session lives in
 * an HttpOnly cookie the app cannot read, and the CSRF token is only kept in memory; any 401
 * later means the session has ended and the login is shown again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // A request that the server answers 401 while the logout is under way is that logout, not an expiry.
  const loggingOut = useRef(false);

  useEffect(() => {
    let current = true;
    sessionApi
      .current()
      .then((session) => {
        if (!current) return;
        if (session === null) {
          setState({ status: 'anonymous' });
        } else {
          applyPreferredLanguage(session);
          setState({ status: 'authenticated', session });
        }
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'unavailable', error });
      });
    return () => {
      current = false;
    };
  }, [generation]);

  useEffect(
    () =>
      api.onUnauthorized(() => {
        api.setCsrfToken(null);
        setState((previous) => (previous.status === 'authenticated' ? { status: 'anonymous', loggedOut: loggingOut.current } : previous));
      }),
    [],
  );

  const logIn = useCallback(async (login: string, password: string) => {
    const session = await sessionApi.logIn(login, password);
    applyPreferredLanguage(session);
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const logOut = useCallback(async () => {
    loggingOut.current = true;
    try {
      await sessionApi.logOut();
    } finally {
      loggingOut.current = false;
      setState({ status: 'anonymous', loggedOut: true });
    }
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((value) => value + 1);
  }, []);

  const value = useMemo(() => ({ state, logIn, logOut, reload }), [state, logIn, logOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const context = useContext(SessionContext);
  if (context === null) {
    throw new Error('useSessionContext outside SessionProvider');
  }
  return context;
}

/** The logged-in user, for pages behind RequireSession. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'authenticated') {
    throw new Error('useSession on a page without a session');
  }
  return state.session;
}
