import { describe, expect, it } from 'vitest';
import { conferenceTarget } from './ConferencePanel';

describe('conferenceTarget', () => {
  it('dials a number in E.164 form through the trunk', () => {
    expect(conferenceTarget(' +4940123456 ')).toEqual({ number: '+4940123456' });
  });

  it('takes anything else for a colleague’s extension', () => {
    expect(conferenceTarget('1002')).toEqual({ agent: '1002' });
  });
});
