import { ApiError } from './problem';

/** One entry of a 422 problem's `errors`: which field of the body, and what is wrong with it. */
export interface FieldProblem {
  /** The body's field as the server names it: `name`, `members[1].extension`, `graph.nodes.menu.exits.1`; null for the body as a whole. */
  field: string | null;
  message: string;
}

/** What a form shows after a refused save: a message next to each field it has, a summary of the rest. */
export interface FormErrors {
  /** Message(s) per field key the form shows (several joined by "; "). */
  fields: Record<string, string>;
  /** Problems no shown field takes: "field: message", or just the message. */
  summary: string[];
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, summary: [] };

/** The field problems of a failed request (422 `errors[]`); empty for any other failure. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.problem === null) {
    return [];
  }
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .map((entry) => ({
      field: typeof entry.field === 'string' && entry.field.trim() !== '' ? entry.field.trim() : null,
      message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? ''),
    }))
    .filter((problem) => problem.message !== '');
}

/** `members[1].extension` and `members.1.extension` name the same field. */
function canonical(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/**
 * The shown field that takes a problem of `field`: the field itself, else the closest enclosing
 * one (a problem with `members[1].extension` goes to `members[1]` or `members` if the form shows
 * no such input; `graph.nodes.menu.exits.1` to the node `graph.nodes.menu`). Null when the form
 * shows nothing of it.
 */
export function fieldOwner(field: string, shownFields: Iterable<string>): string | null {
  const wanted = canonical(field);
  let best: string | null = null;
  let bestLength = -1;
  for (const shown of shownFields) {
    const key = canonical(shown);
    if (key === '') continue;
    const matches = wanted === key || wanted.startsWith(`${key}.`);
    if (matches && key.length > bestLength) {
      best = shown;
      bestLength = key.length;
    }
  }
  return best;
}

/** Sorts a refused save's field problems onto the form's fields; the rest goes to the summary. */
export function formErrorsOf(problems: readonly FieldProblem[], shownFields: Iterable<string>): FormErrors {
  const shown = [...shownFields];
  const fields: Record<string, string> = {};
  const summary: string[] = [];
  for (const problem of problems) {
    const owner = problem.field === null ? null : fieldOwner(problem.field, shown);
    if (owner === null) {
      summary.push(problem.field === null ? problem.message : `${problem.field}: ${problem.message}`);
      continue;
    }
    // A problem of a part of the field names the part, so the message says which.
    const exact = canonical(owner) === canonical(problem.field ?? '');
    const text = exact ? problem.message : `${(problem.field ?? '').slice(owner.length).replace(/^[.]/, '')}: ${problem.message}`;
    fields[owner] = fields[owner] === undefined ? text : `${fields[owner]}; ${text}`;
  }
  return { fields, summary };
}

/** 409 "stale-version" (or 412 from If-Match): someone changed the thing since it was read. */
export function isStaleVersion(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const type = typeof error.problem?.type === 'string' ? error.problem.type : '';
  return error.status === 412 || (error.status === 409 && type.endsWith('stale-version'));
}
