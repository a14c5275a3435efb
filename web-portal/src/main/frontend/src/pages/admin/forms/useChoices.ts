import { useEffect, useState } from 'react';
import type { ConfigResource } from '../../../api/config';
import { MAX_PAGE_LIMIT } from '../../../api/page';
import type { Choice } from './fields';

/**
 * The choices for a select from another collection (the tenant's skills, groups, call flows):
 * its first 500 entries. Empty until loaded, and when it cannot be read (the field still shows
 * the current value).
 */
export function useChoices<Document extends { id: number }>(
  resource: Pick<ConfigResource<unknown, Document>, 'list'>,
  toChoice: (document: Document) => Choice,
): Choice[] {
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    resource
      .list({ limit: MAX_PAGE_LIMIT }, abort.signal)
      .then((page) => setChoices(page.items.map(toChoice)))
      .catch(() => undefined);
    return () => abort.abort();
  }, [resource]);
  return choices;
}
