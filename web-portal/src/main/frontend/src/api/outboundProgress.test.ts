import { describe, expect, it } from 'vitest';
import { isOutboundOver, outboundProgressOf, type CallDocument } from './calls';

function outbound(kinds: string[], outcome: string | null = null): CallDocument {
  return {
    callId: 'out-1',
    caller: '+4940123456',
    serviceNumber: '+4930500100',
    group: 'Support',
    receivedAt: '2026-12-06T09:00:00Z',
    queuedAt: null,
    answeredAt: kinds.includes('NumberAnswered') ? '2026-12-06T09:00:09Z' : null,
    endedAt: outcome === null ? null : '2026-12-06T09:01:00Z',
    outcome,
    agent: '1001',
    disposition: null,
    direction: 'OUTBOUND',
    dialledNumber: '+4940123456',
    steps: kinds.map((kind, i) => ({ seq: i + 1, at: '2026-12-06T09:00:00Z', kind, detail: null })),
  };
}

describe('an outbound call on the desktop', () => {
  it('is being placed until its node recorded it', () => {
    expect(outboundProgressOf(null)).toBe('placing');
  });

  it('rings the agent, then dials, then is connected', () => {
    expect(outboundProgressOf(outbound(['OutboundCallPlaced']))).toBe('ringingAgent');
    expect(outboundProgressOf(outbound(['OutboundCallPlaced', 'AgentPickedUp']))).toBe('dialling');
    expect(outboundProgressOf(outbound(['OutboundCallPlaced', 'AgentPickedUp', 'NumberDialled']))).toBe('dialling');
    expect(outboundProgressOf(outbound(['OutboundCallPlaced', 'AgentPickedUp', 'NumberDialled', 'NumberAnswered']))).toBe('connected');
  });

  it('is still running when the server leaves out the null end and outcome', () => {
    const running = { ...outbound(['OutboundCallPlaced', 'AgentPickedUp', 'NumberDialled', 'NumberAnswered']) } as Partial<CallDocument>;
    delete running.endedAt;
    delete running.outcome;
    const progress = outboundProgressOf(running as CallDocument);
    expect(progress).toBe('connected');
    expect(isOutboundOver(progress)).toBe(false);
  });

  it('says how it failed, and that it is over', () => {
    const busy = outboundProgressOf(outbound(['OutboundCallPlaced', 'AgentPickedUp', 'NumberDialled', 'OutboundCallFailed', 'CallEnded'], 'BUSY'));
    expect(busy).toBe('BUSY');
    expect(isOutboundOver(busy)).toBe(true);
    expect(outboundProgressOf(outbound(['OutboundCallPlaced', 'OutboundCallFailed', 'CallEnded'], 'AGENT_NOT_REACHED'))).toBe('AGENT_NOT_REACHED');
  });

  it('ends after a conversation without failing', () => {
    const ended = outboundProgressOf(outbound(['OutboundCallPlaced', 'AgentPickedUp', 'NumberDialled', 'NumberAnswered', 'CallEnded'], 'ANSWERED'));
    expect(ended).toBe('ended');
    expect(isOutboundOver(ended)).toBe(true);
    expect(isOutboundOver('connected')).toBe(false);
  });
});
