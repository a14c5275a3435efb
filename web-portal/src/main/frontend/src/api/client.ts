import { ApiError, readProblem } from './problem';

/** The portal's JAX-RS application (io.verbund.acd.portal.PortalApi). */
export const API_BASE = '/api/v1';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** The path with `tenant=<key>` added to its query, unless key is null or the path names a tenant itself. */
export function withTenant(path: string, key: string | null): string {
  if (key === null || /[?&]tenant=/.test(path)) {
    return path;
  }
  return `${path}${path.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(key)}`;
}

/** What all clients of one browser session share. */
class SessionShared {
  csrfToken: string | null = null;
  language: string | null = null;
  readonly unauthorizedListeners = new Set<() => void>();
}

/**
 * Talks JSON (and, for uploads, files) to the portal's REST API with the browser's session cookie.
 *
 * The session's CSRF token is kept here, in memory only (never in storage a script could read
 * later), and sent as `X-CSRF-Token` on every state-changing request, because the cookie alone
 * would let another site's form act on the user's behalf. The app's language goes as
 * `Accept-Language`, so the server words its problems (a field's message) in the same language.
 */
export class ApiClient {
  private readonly shared: SessionShared;
  private addressedTenant: string | null = null;
  private readonly fetchFunction: FetchFunction;
  private readonly base: string;

  constructor(fetchFunction: FetchFunction = (input, init) => globalThis.fetch(input, init), base: string = API_BASE, shared = new SessionShared()) {
    this.fetchFunction = fetchFunction;
    this.base = base;
    this.shared = shared;
  }

  /**
   * Another client of the same session (token, language, 401 listeners), which can address a
   * tenant of its own: the administration's, where a system administrator or reseller picks the
   * tenant it configures.
   */
  sameSession(): ApiClient {
    return new ApiClient(this.fetchFunction, this.base, this.shared);
  }

  /** From now on every request names this tenant (`?tenant=`); null: the user's own. The server decides whether the user may. */
  addressTenant(key: string | null): void {
    this.addressedTenant = key;
  }

  get tenant(): string | null {
    return this.addressedTenant;
  }

  setCsrfToken(token: string | null): void {
    this.shared.csrfToken = token;
  }

  /** The app's language (`de`, `en`), sent as Accept-Language; null: the browser's own header. */
  setLanguage(language: string | null): void {
    this.shared.language = language;
  }

  /**
   * Called whenever the server answers 401: the session has ended (expired, logged out in
   * another tab) and the app has to show the login again. Returns the unsubscribe function.
   */
  onUnauthorized(listener: () => void): () => void {
    this.shared.unauthorizedListeners.add(listener);
    return () => this.shared.unauthorizedListeners.delete(listener);
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  delete<T = void>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /**
   * Sends one request. Resolves with the parsed JSON body, or undefined for an empty answer
   * (204); rejects with an {@link ApiError} for every failure, never with a bare TypeError.
   */
  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    // X-Requested-With makes the server answer a 401 with a challenge the browser does not turn
    // into its own password dialog.
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'verbund-app' };
    // A file (a prompt's audio) goes as it is, with its own type; anything else as JSON.
    const file = typeof Blob !== 'undefined' && options.body instanceof Blob ? options.body : null;
    if (file !== null) {
      headers['Content-Type'] = file.type !== '' ? file.type : 'application/octet-stream';
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (UNSAFE_METHODS.has(method) && this.shared.csrfToken !== null) {
      headers['X-CSRF-Token'] = this.shared.csrfToken;
    }
    if (this.shared.language !== null) {
      headers['Accept-Language'] = this.shared.language;
    }
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    };

    let response: Response;
    try {
      response = await this.fetchFunction(this.base + withTenant(path, this.addressedTenant), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        throw cause;
      }
      throw new ApiError(0, null, `${method} ${path}: no answer from the server`);
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401) {
        this.shared.unauthorizedListeners.forEach((listener) => listener());
      }
      const detail = problem?.detail ?? problem?.title;
      throw new ApiError(response.status, problem, detail ?? `${method} ${path}: HTTP ${response.status}`);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    if (text === '') {
      return undefined as T;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, null, `${method} ${path}: the answer is not JSON`);
    }
  }
}

/** The one client the app uses; tests make their own with a fake fetch. */
export const api = new ApiClient();
