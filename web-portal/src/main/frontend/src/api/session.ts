import type { ApiClient } from './client';
import { ApiError } from './problem';

export const ROLES = ['AGENT', 'SUPERVISOR', 'TENANT_ADMIN', 'RESELLER', 'SYSTEM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user, as `POST` and `GET /session` return it. */
export interface Session {
  login: string;
  displayName: string;
  tenant: string;
  roles: Role[];
  /** The agent extension this user works as, or null for users who are not agents. */
  agent: string | null;
  /** The user's preferred language, if the server knows one. */
  locale: 'de' | 'en' | null;
  csrfToken: string;
}

/**
 * The login session: the server keeps it behind an HttpOnly cookie; the app only keeps the
 * document and hands its CSRF token to the client.
 */
export class SessionApi {
  constructor(private readonly client: ApiClient) {}

  async logIn(login: string, password: string): Promise<Session> {
    const session = await this.client.post<Session>('/session', { login, password });
    this.client.setCsrfToken(session.csrfToken);
    return session;
  }

  /** The current session, or null when nobody is logged in (401). */
  async current(): Promise<Session | null> {
    try {
      const session = await this.client.get<Session>('/session');
      this.client.setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.client.setCsrfToken(null);
        return null;
      }
      throw error;
    }
  }

  async logOut(): Promise<void> {
    try {
      await this.client.delete('/session');
    } finally {
      // Whatever the server said, this tab no longer acts for the user.
      this.client.setCsrfToken(null);
    }
  }
}
