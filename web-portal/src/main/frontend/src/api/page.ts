/** One page of a list (`{"items":[…],"total","offset","limit"}`), as every list of the API answers. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** The most entries the API gives on one page. */
export const MAX_PAGE_LIMIT = 500;

export interface PageQuery {
  offset?: number;
  limit?: number;
  /** Filter text: entries containing it. */
  q?: string;
  /** Further filters a list knows (`enabled`, `group`, `active`, …). */
  [filter: string]: string | number | boolean | undefined;
}

/** `?offset=0&limit=50&q=…`, leaving out what is not set; '' when nothing is. */
export function queryString(query: PageQuery = {}): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}
