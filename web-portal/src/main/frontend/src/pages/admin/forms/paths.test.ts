import { describe, expect, it } from 'vitest';
import { getPath, itemPaths, parsePath, setPath } from './paths';

describe('form paths (the API’s field names)', () => {
  it('are parsed into names and list indexes', () => {
    expect(parsePath('name')).toEqual(['name']);
    expect(parsePath('members[1].extension')).toEqual(['members', 1, 'extension']);
    expect(parsePath('holidays[0].openFrom')).toEqual(['holidays', 0, 'openFrom']);
  });

  it('read and write nested values without changing the original', () => {
    const values = { name: 'Support', members: [{ extension: '1001', penalty: 0 }] };
    const changed = setPath(values, 'members[0].penalty', 5);

    expect(getPath(changed, 'members[0].penalty')).toBe(5);
    expect(values.members[0]!.penalty).toBe(0);
    expect(changed.name).toBe('Support');
    expect(Array.isArray(changed.members)).toBe(true);
    expect(getPath(values, 'members[3].extension')).toBeUndefined();
  });

  it('name every field of a list', () => {
    expect(itemPaths('members', 2, ['extension'])).toEqual(['members', 'members[0]', 'members[0].extension', 'members[1]', 'members[1].extension']);
  });
});
