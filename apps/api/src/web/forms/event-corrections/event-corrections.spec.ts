import { initialState, type CorrectableEvent } from '@ppo/domain';
import { RecordArrestDto, RecordContactDto, RecordConvictionDto, RecordHarmIndicatorDto, RecordLapseDto } from '@ppo/offenders';
import { getMetadataStorage } from 'class-validator';
import type { CorrectableFact } from '../../shared/correctable-facts';
import type { FormSource } from '../command-form/command-form';
import { initialAnswers } from '../command-form/form-view';
import type { RecordedEvent } from '../command-form/offender-record';
import { checkPostedForm, fieldAt } from '../command-form/read-posted-form';
import { rectifyEventForm } from './rectify-event.form';
import { retractEventForm } from './retract-event.form';

const conviction: CorrectableEvent = { type: 'ConvictionRecorded', data: { offence: 'burglary', offenceDate: '2026-06-02', convictionDate: '2026-06-20', court: 'Newcastle' } };
const facts: Record<string, [CorrectableEvent, new () => object]> = {
  conviction: [conviction, RecordConvictionDto],
  arrest: [{ type: 'ArrestRecorded', data: { arrestedOn: '2026-10-01', offence: 'robbery' } }, RecordArrestDto],
  harmIndicator: [{ type: 'HarmIndicatorRecorded', data: { indicator: 'gang-leadership', recordedOn: '2026-10-01' } }, RecordHarmIndicatorDto],
  contact: [{ type: 'ContactRecorded', data: { contactOn: '2026-11-02', kind: 'office', outcome: 'attended' } }, RecordContactDto],
  lapse: [{ type: 'LapseOccurred', data: { lapseId: 'l1', occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' } }, RecordLapseDto],
};
const factOf = (event: CorrectableEvent, more: Partial<CorrectableFact> = {}): CorrectableFact => ({ eventId: 'e1', recorded: event, current: event, rectified: false, retracted: false, retractable: true, ...more });
const entry: RecordedEvent = { eventId: 'e1', version: 2, event: conviction, actor: { userId: 'u1', username: 'casey', role: 'caseworker', roles: ['caseworker'] }, recordedAt: '2026-11-20T10:00:00Z' };
const source = { principal: { userId: 'u1', username: 'casey', displayName: 'Casey', roles: ['caseworker'], areas: ['northumbria'], via: 'session' }, record: { state: initialState } } as unknown as FormSource;

describe('The forms that correct a fact recorded in the offender’s history', () => {
  it('asks again every question of the form that recorded the fact, answering the corrected fact in the body', () => {
    for (const [bodyKey, [event, dto]] of Object.entries(facts)) {
      const form = rectifyEventForm.formFor(factOf(event), { ...entry, event })!;
      const properties = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName));
      const unasked = [...properties].filter((p) => !fieldAt(form.fields, `${bodyKey}.${p}`));
      expect({ bodyKey, unasked }).toEqual({ bodyKey, unasked: [] });
      expect(fieldAt(form.fields, 'reason')?.name).toBe('reason');
    }
  });

  it('opens a rectification on the fact as it reads now, dates in their three boxes', () => {
    const corrected: CorrectableEvent = { ...conviction, data: { ...conviction.data, court: 'Durham Crown Court', sentence: '12 months' } };
    const form = rectifyEventForm.formFor(factOf(conviction, { current: corrected, rectified: true }), entry)!;
    expect(form.title).toBe('Correct the conviction');
    expect(form.intro?.(source)).toContain('As it reads now: Convicted of burglary at Durham Crown Court on 20 June 2026 (offence on 2 June 2026); sentence: 12 months. Recorded by casey on 20 November 2026 at 10:00am.');
    expect(initialAnswers(form.fields, source)).toEqual({
      offence: 'burglary',
      'offenceDate-day': '2',
      'offenceDate-month': '6',
      'offenceDate-year': '2026',
      'convictionDate-day': '20',
      'convictionDate-month': '6',
      'convictionDate-year': '2026',
      court: 'Durham Crown Court',
      sentence: '12 months',
    });
  });

  it('sends the corrected fact under its kind with the reason, and words what is missing beside each question', async () => {
    const form = rectifyEventForm.formFor(factOf(conviction), entry)!;
    const posted = { offence: 'robbery', 'offenceDate-day': '2', 'offenceDate-month': '6', 'offenceDate-year': '2026', 'convictionDate-day': '20', 'convictionDate-month': '6', 'convictionDate-year': '2026', court: 'Newcastle', sentence: '', reason: 'Wrong offence entered' };
    const checked = await checkPostedForm(form, posted);
    expect(checked.errors).toEqual([]);
    expect(checked.body).toEqual({ reason: 'Wrong offence entered', conviction: { offence: 'robbery', offenceDate: '2026-06-02', convictionDate: '2026-06-20', court: 'Newcastle' } });
    const empty = await checkPostedForm(form, {});
    expect(empty.errors).toEqual([
      { field: 'offence', text: 'Select the offence' },
      { field: 'offenceDate-day', text: 'Enter the date of the offence' },
      { field: 'convictionDate-day', text: 'Enter the date of conviction' },
      { field: 'court', text: 'Enter the court' },
      { field: 'reason', text: 'Enter what was wrong' },
    ]);
  });

  it('asks why a fact is retracted, and offers no retraction of a lapse a fast-track followed', async () => {
    const form = retractEventForm.formFor(factOf(conviction), entry)!;
    expect(form.title).toBe('Retract the conviction');
    expect((await checkPostedForm(form, { reason: '' })).errors).toEqual([{ field: 'reason', text: 'Enter why it was recorded in error' }]);
    expect((await checkPostedForm(form, { reason: 'Wrong person' })).body).toEqual({ reason: 'Wrong person' });
    expect(retractEventForm.formFor(factOf(facts.lapse[0], { retractable: false }), entry)).toBeUndefined();
  });
});
