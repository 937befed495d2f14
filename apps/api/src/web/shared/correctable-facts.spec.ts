import type { IdentifiedEvent } from '@ppo/domain';
import { correctableFacts } from './correctable-facts';

const conviction = { type: 'ConvictionRecorded', data: { offence: 'burglary', offenceDate: '2026-06-02', convictionDate: '2026-06-20', court: 'Newcastle' } } as const;
const lapse = (lapseId: string) => ({ type: 'LapseOccurred', data: { lapseId, occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' } }) as const;

describe('Which facts of a history can still be corrected, and how they read now', () => {
  it('reads a rectified conviction as its latest correction, and a retracted contact as retracted', () => {
    const history: IdentifiedEvent[] = [
      { eventId: 'c1', event: conviction },
      { eventId: 'r1', event: { type: 'EventRectified', data: { eventId: 'c1', reason: 'Wrong court', rectifiedOn: '2026-11-20', corrected: { ...conviction, data: { ...conviction.data, court: 'Durham' } } } } },
      { eventId: 'r2', event: { type: 'EventRectified', data: { eventId: 'c1', reason: 'Wrong again', rectifiedOn: '2026-11-20', corrected: { ...conviction, data: { ...conviction.data, court: 'Carlisle' } } } } },
      { eventId: 'k1', event: { type: 'ContactRecorded', data: { contactOn: '2026-11-02', kind: 'office', outcome: 'attended' } } },
      { eventId: 'x1', event: { type: 'EventRetracted', data: { eventId: 'k1', reason: 'Wrong person', retractedOn: '2026-11-20' } } },
    ];
    const facts = correctableFacts(history);
    expect([...facts.keys()]).toEqual(['c1', 'k1']);
    expect(facts.get('c1')).toMatchObject({ rectified: true, retracted: false, recorded: conviction, current: { data: { court: 'Carlisle' } } });
    expect(facts.get('k1')).toMatchObject({ rectified: false, retracted: true });
  });

  it('does not offer to retract a lapse a fast-track to court followed, only to rectify it', () => {
    const history: IdentifiedEvent[] = [
      { eventId: 'l1', event: lapse('lapse-1') },
      { eventId: 'l2', event: lapse('lapse-2') },
      { eventId: 'f1', event: { type: 'FastTrackedToCourt', data: { fastTrackId: 'f', lapseId: 'lapse-1', fastTrackedOn: '2026-11-12', court: 'Newcastle', hearingOn: '2026-11-27', reason: 'Lapse' } } },
    ];
    const facts = correctableFacts(history);
    expect(facts.get('l1')?.retractable).toBe(false);
    expect(facts.get('l2')?.retractable).toBe(true);
  });
});
