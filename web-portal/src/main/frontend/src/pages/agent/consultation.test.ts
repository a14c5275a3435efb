import { describe, expect, it } from 'vitest';
import { callTargetOf, consultationActionsOf, consultationFailureOf, consultationTargetOf } from './consultation';
import { transferOfferedFor } from './transfer';
import { holdActionOf } from './hold';

describe('the consultation buttons', () => {
  it('offer a consultation on a connected call and the next steps once the colleague answered', () => {
    expect(consultationActionsOf('ON_CALL', null)).toEqual(['consult']);
    expect(consultationActionsOf('ON_CALL', 'RINGING')).toEqual(['return']);
    expect(consultationActionsOf('ON_CALL', 'TALKING')).toEqual(['complete', 'conference', 'swap', 'return']);
    expect(consultationActionsOf('ON_CALL', 'SWAPPED')).toEqual(['complete', 'conference', 'swap', 'return']);
    expect(consultationActionsOf('WRAP_UP', 'TALKING')).toEqual([]);
  });

  it('read a typed number as a number and anything else as an extension', () => {
    expect(consultationTargetOf(' +49 40 123456 ')).toEqual({ number: '+4940123456' });
    expect(consultationTargetOf('1002')).toEqual({ agent: '1002' });
    expect(consultationTargetOf('  ')).toBeNull();
  });

  it('read "group:Name" as a group, in either language, keeping the name as typed', () => {
    expect(callTargetOf('group:Sales')).toEqual({ group: 'Sales' });
    expect(callTargetOf(' Gruppe: Second Level ')).toEqual({ group: 'Second Level' });
    expect(callTargetOf('group:')).toBeNull();
    expect(callTargetOf('1003')).toEqual({ agent: '1003' });
  });

  it('offer only leaving once the consultation became a conference', () => {
    expect(consultationActionsOf('ON_CALL', null, 'agent:1002')).toEqual(['leave']);
    expect(consultationActionsOf('WRAP_UP', null, 'agent:1002')).toEqual([]);
  });

  it('hide hold and resume while a consultation goes on', () => {
    expect(holdActionOf('ON_CALL', { onHold: true, consultation: 'TALKING' }, null)).toBeNull();
  });
});

describe('a consultation that did not connect', () => {
  it('is told with its reason until the next one starts', () => {
    const failed = { kind: 'ConsultationFailed', data: { why: 'agent 1002 is not ready (PAUSED)' } };
    expect(consultationFailureOf([{ kind: 'CallAnswered' }, { kind: 'ConsultationStarted' }, failed])).toBe('agent 1002 is not ready (PAUSED)');
    expect(consultationFailureOf([failed, { kind: 'ConsultationStarted' }])).toBeNull();
    expect(consultationFailureOf(undefined)).toBeNull();
  });
});

describe('the blind transfer', () => {
  it('is offered while the agent talks to its caller alone', () => {
    expect(transferOfferedFor('ON_CALL', { onHold: false, consultation: null, conference: null })).toBe(true);
    expect(transferOfferedFor('ON_CALL', { onHold: true })).toBe(false);
    expect(transferOfferedFor('ON_CALL', { consultation: 'TALKING' })).toBe(false);
    expect(transferOfferedFor('ON_CALL', { conference: 'number:+4940123456' })).toBe(false);
    expect(transferOfferedFor('RINGING', { onHold: false })).toBe(false);
    expect(transferOfferedFor('ON_CALL', null)).toBe(false);
  });
});
