import { describeEvent } from './describe-event';
import { formatDate, formatDateTime, perWeek, sentence } from './format';

describe('Events in words, for the timeline', () => {
  it('says what a conviction was, where and when, in GOV.UK date style', () => {
    expect(
      describeEvent({ type: 'ConvictionRecorded', data: { offence: 'theft-from-shops', offenceDate: '2026-01-02', convictionDate: '2026-01-20', court: 'Newcastle Magistrates' } }),
    ).toEqual({ title: 'Conviction recorded', detail: 'Convicted of theft from shops at Newcastle Magistrates on 20 January 2026 (offence on 2 January 2026).' });
  });

  it('says how contact changed, with a fortnightly contact in words', () => {
    expect(
      describeEvent({ type: 'ContactFrequencyReduced', data: { contactsPerWeek: 0.5, previousContactsPerWeek: 1, reason: 'stable for 28 days', effectiveOn: '2026-11-02' } }).detail,
    ).toBe('From 1 a week to 1 a fortnight from 2 November 2026: stable for 28 days.');
  });

  it('names the exit plan and the voluntary support when an offender leaves the scheme', () => {
    const { title, detail } = describeEvent({
      type: 'OffenderDeselected',
      data: { deselectedOn: '2026-11-20', reason: 'stable-and-order-complete', exitPlan: { summary: 'Order complete', voluntarySupport: ['Recovery group', 'Housing support'] } },
    });
    expect(title).toBe('Left the scheme');
    expect(detail).toBe('Deselected on 20 November 2026: stable and order complete. Exit plan: Order complete. Voluntary support: Recovery group, Housing support.');
  });

  it('formats dates, times in London, strands and frequencies as case workers read them', () => {
    expect(formatDate('2026-03-02')).toBe('2 March 2026');
    expect(formatDateTime('2026-07-01T14:04:00Z')).toBe('1 July 2026 at 3:04pm');
    expect(sentence('catch-and-convict')).toBe('Catch and convict');
    expect(perWeek(4)).toBe('4 a week');
  });
});
