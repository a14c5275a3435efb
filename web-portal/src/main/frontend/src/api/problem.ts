/**
 * An RFC 9457 problem document, as every error of the portal's API is sent
 * (`application/problem+json`). `detail` is written for the person in front of the screen.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * A request that did not succeed: an HTTP error status (with the server's problem document when
 * it sent one) or, with status 0, no answer at all (network down, server unreachable).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The server's own explanation, if it gave one. */
  get detail(): string | null {
    const detail = this.problem?.detail ?? this.problem?.title;
    return typeof detail === 'string' && detail.trim() !== '' ? detail : null;
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}

/** Reads a problem document from a failed response, or null when the body is not one. */
export async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  // problem+json is the contract; plain JSON with the same fields is read too, in case a
  // proxy or an older endpoint answers that way.
  if (!/application\/(problem\+)?json/i.test(type)) {
    return null;
  }
  try {
    const body: unknown = await response.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Problem) : null;
  } catch {
    return null;
  }
}
