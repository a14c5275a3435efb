import { describe, expect, it } from 'vitest';
import { consultationActionsOf, consultationFailureOf, consultationTargetOf } from './consultation';
import { holdActionOf } from './hold';

describe('the consultation buttons', () => {
  it('offer a consultation on a connected call and the next steps once the colleague answered', () => {
    expect(consultationActionsOf('ON_CALL', null)).toEqual(['consult']);
    expect(consultationActionsOf('ON_CALL', 'RINGING')).toEqual(['return']);
    expect(consultationActionsOf('ON_CALL', 'TALKING')).toEqual(['complete', 'swap', 'return']);
    expect(consultationActionsOf('ON_CALL', 'SWAPPED')).toEqual(['complete', 'swap', 'return']);
    expect(consultationActionsOf('WRAP_UP', 'TALKING')).toEqual([]);
  });

  it('read a typed number as a number and anything else as an extension', () => {
    expect(consultationTargetOf(' +49 40 123456 ')).toEqual({ number: '+4940123456' });
    expect(consultationTargetOf('1002')).toEqual({ agent: '1002' });
    expect(consultationTargetOf('  ')).toBeNull();
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
