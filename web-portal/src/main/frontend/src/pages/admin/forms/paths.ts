/**
 * Form values are addressed by the API's own field names: `name`, `members[1].extension`. The
 * same name is the field's `data-testid` (`field-members[1].extension`) and what a 422 answer's
 * `errors[].field` says, so a server message lands next to the field it is about.
 */
export type FormValues = Record<string, unknown>;

type Segment = string | number;

/** `members[1].extension` → ['members', 1, 'extension']. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      segments.push(part);
      continue;
    }
    if (match[1] !== '') segments.push(match[1]!);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      segments.push(Number(index[1]));
    }
  }
  return segments;
}

export function getPath(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `values` with the value at `path` replaced; objects and arrays on the way are copied, not changed. */
export function setPath<T>(values: T, path: string, value: unknown): T {
  const segments = parsePath(path);
  const write = (container: unknown, index: number): unknown => {
    const segment = segments[index]!;
    const copy: Record<string | number, unknown> | unknown[] = Array.isArray(container)
      ? [...container]
      : typeof segment === 'number' && (container === null || typeof container !== 'object')
        ? []
        : { ...((container as Record<string, unknown> | null | undefined) ?? {}) };
    const target = copy as Record<string | number, unknown>;
    target[segment] = index === segments.length - 1 ? value : write(target[segment], index + 1);
    return copy;
  };
  return segments.length === 0 ? values : (write(values, 0) as T);
}

/** The paths of a list's items' fields: `members[0].extension`, `members[0].penalty`, … */
export function itemPaths(list: string, count: number, fields: readonly string[]): string[] {
  const paths: string[] = [list];
  for (let index = 0; index < count; index++) {
    paths.push(`${list}[${index}]`);
    for (const field of fields) paths.push(`${list}[${index}].${field}`);
  }
  return paths;
}
