import { describe, expect, it } from 'vitest';
import { routingDecisionsOf, type CallStep } from '../../api/calls';

const DECISION = {
  group: 'Sales',
  strategy: 'SKILLS_BASED',
  eligible: 1,
  chosen: ['1006'],
  considered: [
    { agent: '1006', chosen: true, detail: 'skills: 1006 has proficiency 1' },
    { agent: '1001', chosen: false, excluded: 'BELOW_SKILL_MINIMUM', detail: 'minimum: sales ≥ 1' },
  ],
  excludedCounts: { BELOW_SKILL_MINIMUM: 1 },
};

describe('routingDecisionsOf', () => {
  it('finds the decisions among the steps, oldest first, with their time', () => {
    const steps: CallStep[] = [
      { at: '2026-12-05T10:00:00Z', kind: 'CallQueued', detail: null },
      { at: '2026-12-05T10:00:01Z', kind: 'RoutingDecided', detail: null, data: DECISION },
      { at: '2026-12-05T10:00:01Z', kind: 'CallOffered', detail: 'skills', data: { agent: '1006' } },
      { at: '2026-12-05T10:00:20Z', kind: 'RoutingDecided', detail: null, data: { ...DECISION, chosen: ['1007'] } },
    ];

    const decisions = routingDecisionsOf(steps);

    expect(decisions.map((d) => d.at)).toEqual(['2026-12-05T10:00:01Z', '2026-12-05T10:00:20Z']);
    expect(decisions[0]!.decision.considered[1]!.excluded).toBe('BELOW_SKILL_MINIMUM');
    expect(decisions[1]!.decision.chosen).toEqual(['1007']);
  });

  it('is empty for a call without steps or without decisions', () => {
    expect(routingDecisionsOf(undefined)).toEqual([]);
    expect(routingDecisionsOf([{ at: 'x', kind: 'RoutingDecided', detail: null }])).toEqual([]);
  });
});
