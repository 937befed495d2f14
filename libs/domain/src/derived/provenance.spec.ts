import { adopted, conviction, custodyStarted, harmIndicator, lapse, policy, registered, strandChanged, today } from '../offender/decide/fixtures';
import type { OffenderEvent } from '../offender/offender.events';
import { provenanceOf } from './provenance';

const ids = (events: OffenderEvent[]) => events.map((event, i) => ({ eventId: `event-${i + 1}`, event }));

describe('Provenance: which events produced each derived value', () => {
  const history: OffenderEvent[] = [
    registered(), //                                   event-1
    conviction('2025-03-01'), //                      event-2: outside the 12-month window on 15 June 2026
    conviction('2025-09-01'), //                      event-3
    harmIndicator('gang-leadership', '2026-01-01'), // event-4
    ...adopted({ adoptedOn: '2026-01-12' }), //                      event-5, event-6 (the frequency is set with adoption)
    lapse('lapse-1', '2026-06-01'), //                event-7: within the escalation period
  ];

  it('names the adoption for the current strand, the frequency and the recent lapse for the intensity, and the facts in the window for eligibility', () => {
    expect(provenanceOf(ids(history), today, policy)).toEqual({
      currentStrand: ['event-5'],
      intensity: ['event-6', 'event-7'],
      eligibility: ['event-3', 'event-4'],
    });
  });

  it('moves to the event that changed the strand, and adds custody to the intensity', () => {
    const later = [...history, strandChanged('catch-and-convict', 'made-current', '2026-06-02'), custodyStarted('2026-06-03', { remand: true })];
    const provenance = provenanceOf(ids(later), today, policy);
    expect(provenance.currentStrand).toEqual([`event-${history.length + 1}`]);
    expect(provenance.intensity).toContain(`event-${history.length + 2}`);
  });
});
