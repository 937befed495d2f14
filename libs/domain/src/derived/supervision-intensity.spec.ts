import { intensityLevel, supervisionIntensity } from './supervision-intensity';

const asOf = '2026-06-15';

describe('supervision intensity', () => {
  it.each([
    [7, 'intensive'],
    [4, 'intensive'],
    [3.5, 'high'],
    [3, 'high'],
    [2, 'medium'],
    [1.5, 'standard'],
    [1, 'standard'],
    [0.5, 'low'],
    [0, 'low'],
  ] as const)('%d contacts a week is %s supervision', (contactsPerWeek, level) => {
    expect(intensityLevel(contactsPerWeek, false)).toBe(level);
  });

  it.each([0, 1, 4, 7])('an offender in custody is at custody level whatever their contact frequency (%d a week)', (contactsPerWeek) => {
    expect(intensityLevel(contactsPerWeek, true)).toBe('custody');
  });

  it('with no lapse, supervision is not escalated', () => {
    expect(supervisionIntensity({ contactsPerWeek: 4, inCustody: false }, asOf, 28)).toEqual({ level: 'intensive', escalated: false });
  });

  it('a lapse today escalates supervision', () => {
    expect(supervisionIntensity({ contactsPerWeek: 2, inCustody: false, lastLapseOn: asOf }, asOf, 28)).toEqual({ level: 'medium', escalated: true });
  });

  it('a lapse twenty-seven days ago still escalates supervision', () => {
    expect(supervisionIntensity({ contactsPerWeek: 1, inCustody: false, lastLapseOn: '2026-05-19' }, asOf, 28).escalated).toBe(true);
  });

  it('a lapse exactly twenty-eight days ago no longer escalates supervision', () => {
    expect(supervisionIntensity({ contactsPerWeek: 1, inCustody: false, lastLapseOn: '2026-05-18' }, asOf, 28).escalated).toBe(false);
  });

  it('a lapse recorded after the date asked about does not escalate supervision on that date', () => {
    expect(supervisionIntensity({ contactsPerWeek: 1, inCustody: false, lastLapseOn: '2026-06-16' }, asOf, 28).escalated).toBe(false);
  });

  it('an area with a shorter escalation window stops escalating sooner', () => {
    expect(supervisionIntensity({ contactsPerWeek: 3, inCustody: false, lastLapseOn: '2026-06-01' }, asOf, 14)).toEqual({ level: 'high', escalated: false });
    expect(supervisionIntensity({ contactsPerWeek: 3, inCustody: false, lastLapseOn: '2026-06-02' }, asOf, 14)).toEqual({ level: 'high', escalated: true });
  });

  it('a lapse in custody escalates custody-level supervision', () => {
    expect(supervisionIntensity({ contactsPerWeek: 4, inCustody: true, lastLapseOn: '2026-06-10' }, asOf, 28)).toEqual({ level: 'custody', escalated: true });
  });
});
