import { dateInputItems, datePartsOf, parseDateParts, partsOfIsoDate } from './govuk-date';

describe('GOV.UK date inputs', () => {
  const parse = (day: string, month: string, year: string) => parseDateParts({ day, month, year }, 'Date of birth');

  it('reads three boxes into an ISO date, padding single digits', () => {
    expect(parse('2', '3', '1990')).toEqual({ value: '1990-03-02' });
    expect(parse(' 12 ', '11', '2026')).toEqual({ value: '2026-11-12' });
  });

  it('says which parts are missing, or that the date is not real, in GOV.UK’s words', () => {
    expect(parse('', '3', '1990')).toEqual({ error: 'Date of birth must include a day' });
    expect(parse('', '', '1990')).toEqual({ error: 'Date of birth must include a day and month' });
    expect(parse('30', '2', '2025')).toEqual({ error: 'Date of birth must be a real date' });
    expect(parse('1', 'March', '1990')).toEqual({ error: 'Date of birth must be a real date' });
    expect(parse('1', '3', '90')).toEqual({ error: 'Date of birth must be a real date' });
  });

  it('tells an empty date apart, for optional fields', () => {
    expect(parse('', '', '')).toEqual({ empty: true });
  });

  it('takes the parts from a posted form and gives them back to refill the boxes', () => {
    expect(datePartsOf({ 'dob-day': '2', 'dob-month': '3', 'dob-year': '1990', other: 'x' }, 'dob')).toEqual({ day: '2', month: '3', year: '1990' });
    expect(partsOfIsoDate('1990-03-02')).toEqual({ day: '2', month: '3', year: '1990' });
    expect(dateInputItems('dob', { day: '2' }, true)[0]).toEqual({ name: 'day', id: 'dob-day', classes: 'govuk-input--width-2 govuk-input--error', value: '2' });
  });
});
