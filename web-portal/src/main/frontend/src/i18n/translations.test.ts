import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import { LANGUAGES, resources } from './languages';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation tree as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value, path).forEach((text, leaf) => leaves.set(leaf, text));
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort() : [];
}

const german = flatten(de as Tree);
const english = flatten(en as Tree);

describe('translations', () => {
  it('offers German and English', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });

  it('have every German key in English', () => {
    const missing = [...german.keys()].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });

  it('have every English key in German', () => {
    const missing = [...english.keys()].filter((key) => !german.has(key));
    expect(missing).toEqual([]);
  });

  it('have no empty or non-text values', () => {
    for (const [language, leaves] of [['de', german], ['en', english]] as const) {
      const empty = [...leaves].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = [...english.keys()]
      .filter((key) => german.has(key))
      .filter((key) => placeholders(english.get(key)).join() !== placeholders(german.get(key)).join());
    expect(differing).toEqual([]);
  });

  it('name every agent state', () => {
    const states = ['LOGGED_OUT', 'READY', 'PAUSED', 'RESERVED', 'RINGING', 'ON_CALL', 'WRAP_UP'];
    expect(states.filter((state) => !english.has(`agentState.${state}`) || !german.has(`agentState.${state}`))).toEqual([]);
  });
});
