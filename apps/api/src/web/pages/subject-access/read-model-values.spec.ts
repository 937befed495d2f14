import { nameInWords, rowInWords, valueInWords } from './read-model-values';

describe('What the read models hold, in words for a printed subject access copy', () => {
  it('names columns and fields as words', () => {
    expect(nameInWords('given_name')).toBe('Given name');
    expect(nameInWords('crn')).toBe('CRN');
    expect(nameInWords('contactsPerWeek')).toBe('Contacts per week');
    expect(nameInWords('2026-10')).toBe('October 2026');
  });

  it('writes dates, instants, the domain’s words, flags, lists and nested objects out in full', () => {
    expect(valueInWords('2026-07-01')).toBe('1 July 2026');
    expect(valueInWords('2026-11-20T10:00:00.000Z')).toBe('20 November 2026 at 10:00am');
    expect(valueInWords('rehabilitate-and-resettle')).toBe('rehabilitate and resettle');
    expect(valueInWords('Newcastle Magistrates’ Court')).toBe('Newcastle Magistrates’ Court');
    expect(valueInWords(false)).toBe('No');
    expect(valueInWords(null)).toBe('None');
    expect(valueInWords([])).toBe('None');
    expect(valueInWords([{ from: '2026-07-01', contactsPerWeek: 4 }, { from: '2026-08-01', contactsPerWeek: 2 }])).toBe('from: 1 July 2026, contacts per week: 4; from: 1 August 2026, contacts per week: 2');
    expect(valueInWords({ '2026-10': { attended: 1, unacceptable: 0 } })).toBe('October 2026: attended: 1, unacceptable: 0');
  });

  it('names the working copy of the record rather than spelling it out again', () => {
    const rows = rowInWords({ offender_id: 'id-1', restricted: false, state: { registered: true } });
    expect(rows.map((r) => r.key.text)).toEqual(['Offender ID', 'Restricted', 'State']);
    expect(rows[1].value.text).toBe('No');
    expect(rows[2].value.text).toContain('A working copy of the whole record');
  });
});
