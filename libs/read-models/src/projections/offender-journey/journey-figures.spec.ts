import { attendedWithin } from './journey-figures';

describe('Attended contacts within a period', () => {
  const days = '2026-10-30,2026-11-02*2,2026-11-05,2026-11-09*3';

  it('count each day as many times as contacts were attended on it', () => {
    expect(attendedWithin(days, '2026-11-01', '2026-11-09')).toBe(6);
  });

  it('count days after the start and up to the end, both ends as given', () => {
    expect(attendedWithin(days, '2026-11-02', '2026-11-08')).toBe(1);
    expect(attendedWithin(days, '2026-10-29', '2026-10-30')).toBe(1);
  });

  it('count nothing for an offender with no attended contact', () => {
    expect(attendedWithin('', '2026-11-01', '2026-11-09')).toBe(0);
  });
});
