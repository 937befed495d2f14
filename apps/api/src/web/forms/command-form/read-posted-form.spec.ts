import { deselectOffenderForm } from '../offender-commands/deselect-offender.form';
import { recordLapseForm } from '../offender-commands/record-lapse.form';
import { reduceContactFrequencyForm } from '../offender-commands/reduce-contact-frequency.form';
import { startCustodyForm } from '../offender-commands/start-custody.form';
import { checkPostedForm } from './read-posted-form';

describe('Reading a posted form into a command', () => {
  it('turns the date boxes into an ISO date and leaves out answers not given', async () => {
    const checked = await checkPostedForm(recordLapseForm, { 'occurredOn-day': '3', 'occurredOn-month': '11', 'occurredOn-year': '2026', kind: 'drug-use', severity: 'minor', notes: '  ', _csrf: 'x' });
    expect(checked.errors).toEqual([]);
    expect(checked.body).toEqual({ occurredOn: '2026-11-03', kind: 'drug-use', severity: 'minor' });
  });

  it('words every problem the GOV.UK way, in the order of the page, with the id of the input to go to', async () => {
    const checked = await checkPostedForm(recordLapseForm, { 'occurredOn-day': '30', 'occurredOn-month': '2', 'occurredOn-year': '2026', kind: 'sleeping-in', notes: 'x'.repeat(4001) });
    expect(checked.errors).toEqual([
      { field: 'occurredOn-day', text: 'The date of the lapse must be a real date' },
      { field: 'kind', text: 'Select the kind of lapse' },
      { field: 'severity', text: 'Select how serious the lapse was' },
      { field: 'notes', text: 'What happened must be 4000 characters or fewer' },
    ]);
    expect(checked.answers).toMatchObject({ 'occurredOn-day': '30', kind: 'sleeping-in' });
  });

  it('applies the command’s own rules to numbers: a number, within the range', async () => {
    const answers = { reason: 'Stable', 'effectiveOn-day': '2', 'effectiveOn-month': '11', 'effectiveOn-year': '2026' };
    const texts = async (contactsPerWeek: string) => (await checkPostedForm(reduceContactFrequencyForm, { ...answers, contactsPerWeek })).errors.map((e) => e.text);
    expect(await texts('two')).toEqual(['The number of contacts a week must be a number, like 2 or 0.5']);
    expect(await texts('0.1')).toEqual(['The number of contacts a week must be 0.25 or more']);
    expect(await texts('20')).toEqual(['The number of contacts a week must be 14 or less']);
    expect((await checkPostedForm(reduceContactFrequencyForm, { ...answers, contactsPerWeek: '0.5' })).body).toMatchObject({ contactsPerWeek: 0.5 });
  });

  it('reads an exit plan and its voluntary support, one a line, into the deselection’s body', async () => {
    const date = { 'deselectedOn-day': '20', 'deselectedOn-month': '11', 'deselectedOn-year': '2026' };
    const checked = await checkPostedForm(deselectOffenderForm, { ...date, reason: 'stable-and-order-complete', exitPlanSummary: 'Order complete', voluntarySupport: 'Housing support\r\n\r\n  Recovery group ' });
    expect(checked.body).toEqual({ deselectedOn: '2026-11-20', reason: 'stable-and-order-complete', exitPlan: { summary: 'Order complete', voluntarySupport: ['Housing support', 'Recovery group'] } });
    const died = await checkPostedForm(deselectOffenderForm, { ...date, reason: 'deceased', exitPlanSummary: '', voluntarySupport: '' });
    expect(died.body).toEqual({ deselectedOn: '2026-11-20', reason: 'deceased' });
    const supportOnly = await checkPostedForm(deselectOffenderForm, { ...date, reason: 'moved-area', voluntarySupport: 'Housing support' });
    expect(supportOnly.errors).toEqual([{ field: 'exitPlanSummary', text: 'Enter the exit plan' }]);
  });

  it('asks whether custody is a sentence or remand, which the API leaves optional', async () => {
    const date = { 'startedOn-day': '1', 'startedOn-month': '11', 'startedOn-year': '2026' };
    expect((await checkPostedForm(startCustodyForm, date)).errors).toEqual([{ field: 'remand', text: 'Select whether they were sentenced or remanded' }]);
    expect((await checkPostedForm(startCustodyForm, { ...date, remand: 'remanded' })).body).toEqual({ startedOn: '2026-11-01', remand: true });
    expect((await checkPostedForm(startCustodyForm, { ...date, remand: 'sentenced', sentenceMonths: '18' })).body).toEqual({ startedOn: '2026-11-01', remand: false, sentenceMonths: 18 });
  });
});
