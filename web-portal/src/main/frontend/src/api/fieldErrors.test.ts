import { describe, expect, it } from 'vitest';
import { fieldOwner, fieldProblemsOf, formErrorsOf, isStaleVersion } from './fieldErrors';
import { ApiError } from './problem';

function unprocessable(errors: unknown): ApiError {
  return new ApiError(422, { type: 'urn:verbund-acd:problem:invalid-fields', title: 'Invalid', status: 422, detail: 'The request has invalid fields', errors }, 'invalid');
}

describe('field problems of a refused save', () => {
  it('are read from the problem’s errors', () => {
    const problems = fieldProblemsOf(unprocessable([
      { field: 'name', message: "the tenant already has an ACD group named 'Support'" },
      { field: '', message: 'the body as a whole' },
      { message: 'no field at all' },
      'not an object',
    ]));
    expect(problems).toEqual([
      { field: 'name', message: "the tenant already has an ACD group named 'Support'" },
      { field: null, message: 'the body as a whole' },
      { field: null, message: 'no field at all' },
    ]);
  });

  it('are none for other failures', () => {
    expect(fieldProblemsOf(new ApiError(500, null, 'boom'))).toEqual([]);
    expect(fieldProblemsOf(new Error('x'))).toEqual([]);
    expect(fieldProblemsOf(new ApiError(422, { detail: 'no list' }, 'x'))).toEqual([]);
  });
});

describe('mapping problems onto a form', () => {
  const shown = ['name', 'strategy', 'members', 'members[0].extension', 'members[0].penalty', 'members[1].extension', 'members[1].penalty', 'skillRequirements'];

  it('puts each message next to its field', () => {
    const errors = formErrorsOf([{ field: 'name', message: "the tenant already has an ACD group named 'Support'" }], shown);
    expect(errors.fields).toEqual({ name: "the tenant already has an ACD group named 'Support'" });
    expect(errors.summary).toEqual([]);
  });

  it('finds nested fields, in either spelling of a list index', () => {
    const errors = formErrorsOf(
      [
        { field: 'members[1].extension', message: 'the tenant has no agent with extension 1099' },
        { field: 'members.0.penalty', message: 'must be less than or equal to 100' },
      ],
      shown,
    );
    expect(errors.fields).toEqual({
      'members[1].extension': 'the tenant has no agent with extension 1099',
      'members[0].penalty': 'must be less than or equal to 100',
    });
  });

  it('gives a problem of a part to the closest enclosing field, naming the part', () => {
    const errors = formErrorsOf([{ field: 'skillRequirements[2].skill', message: "the tenant has no skill named 'Klingon'" }], shown);
    expect(errors.fields).toEqual({ skillRequirements: "[2].skill: the tenant has no skill named 'Klingon'" });
  });

  it('puts what no field takes into the summary', () => {
    const errors = formErrorsOf(
      [
        { field: 'version', message: 'must name the version the change was made from' },
        { field: null, message: 'something about the whole' },
      ],
      shown,
    );
    expect(errors.fields).toEqual({});
    expect(errors.summary).toEqual(['version: must name the version the change was made from', 'something about the whole']);
  });

  it('joins several messages of one field', () => {
    const errors = formErrorsOf(
      [
        { field: 'name', message: 'must not be blank' },
        { field: 'name', message: 'size must be between 0 and 100' },
      ],
      shown,
    );
    expect(errors.fields.name).toBe('must not be blank; size must be between 0 and 100');
  });

  it('maps a call-flow graph problem to the node it is about', () => {
    const nodes = ['name', 'graph', 'graph.nodes.menu', 'graph.nodes.menu_2'];
    expect(fieldOwner('graph.nodes.menu.exits.1', nodes)).toBe('graph.nodes.menu');
    expect(fieldOwner('graph.nodes.menu_2.parameters.prompt', nodes)).toBe('graph.nodes.menu_2');
    expect(fieldOwner('graph.start', nodes)).toBe('graph');
    expect(fieldOwner('names', nodes)).toBeNull();
  });
});

describe('stale versions', () => {
  it('are a 409 stale-version or a 412', () => {
    expect(isStaleVersion(new ApiError(409, { type: 'urn:verbund-acd:problem:stale-version' }, 'x'))).toBe(true);
    expect(isStaleVersion(new ApiError(412, null, 'x'))).toBe(true);
    expect(isStaleVersion(new ApiError(409, { type: 'urn:verbund-acd:problem:in-use' }, 'x'))).toBe(false);
    expect(isStaleVersion(new ApiError(422, null, 'x'))).toBe(false);
  });
});
