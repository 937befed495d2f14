import { endOfLondonDay, londonInstant, londonWallClock, startOfLondonDay } from './london-time';
import { formatMoment, parseTime, readDate, readMoment, timeText } from './moments';

const labels = { date: 'Known-at date', time: 'Known-at time' };

describe('Moments on the London clock, as auditors give them', () => {
  it('turns London dates and times into UTC instants, in winter and in summer time', () => {
    expect(londonInstant('2026-11-20', '09:30:00.000')).toBe('2026-11-20T09:30:00.000Z');
    expect(londonInstant('2026-07-01', '09:30:00.000')).toBe('2026-07-01T08:30:00.000Z');
    expect(startOfLondonDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    expect(endOfLondonDay('2026-07-01')).toBe('2026-07-01T22:59:59.999Z');
    expect(endOfLondonDay('2026-12-31')).toBe('2026-12-31T23:59:59.999Z');
    // The clocks go forward at 1am on 29 March 2026: 1:30am does not exist, and reads as the hour after.
    expect(londonInstant('2026-03-29', '01:30:00.000')).toBe('2026-03-29T01:30:00.000Z');
    // They go back at 2am on 25 October 2026: 1:30am happens twice, and is taken in GMT.
    expect(londonInstant('2026-10-25', '01:30:00.000')).toBe('2026-10-25T01:30:00.000Z');
    expect(londonWallClock('2026-07-01T08:30:00.123Z')).toEqual({ date: '2026-07-01', time: '09:30:00.123' });
  });

  it('reads times as people write them, up to the end of what they gave', () => {
    expect(parseTime('9:30am')).toEqual({ value: '09:30:59.999' });
    expect(parseTime('14:05')).toEqual({ value: '14:05:59.999' });
    expect(parseTime('2pm')).toEqual({ value: '14:00:59.999' });
    expect(parseTime('12am')).toEqual({ value: '00:00:59.999' });
    expect(parseTime('midday')).toEqual({ value: '12:00:59.999' });
    expect(parseTime('14:05:30')).toEqual({ value: '14:05:30.999' });
    expect(parseTime('14:05:30.1')).toEqual({ value: '14:05:30.100' });
    expect(parseTime('')).toEqual({ empty: true });
    for (const wrong of ['25:00', '14', '13pm', '9:61', 'soon']) expect(parseTime(wrong)).toEqual({ error: true });
  });

  it('gives a moment back to its boxes without changing it, and says it in words', () => {
    for (const iso of ['2026-11-22T21:21:39.668Z', '2026-07-01T08:30:59.999Z', '2026-07-01T22:59:59.999Z', '2026-07-01T08:30:05.999Z']) {
      const field = readMoment({ knownAt: iso }, 'knownAt', 'knownAtTime', labels);
      const again = readMoment(
        { 'knownAt-day': field.parts.day, 'knownAt-month': field.parts.month, 'knownAt-year': field.parts.year, knownAtTime: field.time },
        'knownAt',
        'knownAtTime',
        labels,
      );
      expect(again.value).toBe(iso);
    }
    expect(timeText('23:59:59.999')).toBe('');
    expect(formatMoment('2026-07-01T22:59:59.999Z')).toBe('the end of 1 July 2026');
    expect(formatMoment('2026-07-01T08:30:59.999Z')).toBe('1 July 2026 at 9:30am');
    expect(formatMoment('2026-11-22T21:21:39.668Z')).toBe('22 November 2026 at 9:21:39pm');
  });

  it('says what is wrong with a date or a moment in GOV.UK’s words, naming the box', () => {
    expect(readDate({ 'asAt-day': '30', 'asAt-month': '2', 'asAt-year': '2026' }, 'asAt', 'Date').error).toEqual({ field: 'asAt-day', text: 'Date must be a real date' });
    expect(readDate({ 'asAt-day': '30', 'asAt-month': '', 'asAt-year': '2026' }, 'asAt', 'Date').error).toEqual({ field: 'asAt-month', text: 'Date must include a month' });
    expect(readDate({ asAt: '2026-02-30' }, 'asAt', 'Date').error).toEqual({ field: 'asAt-day', text: 'Date must be a real date' });
    expect(readMoment({ knownAt: 'yesterday' }, 'knownAt', 'knownAtTime', labels).errors).toEqual([{ field: 'knownAt-day', text: 'Known-at date must be a real date' }]);
    expect(readMoment({ knownAtTime: '9am' }, 'knownAt', 'knownAtTime', labels).errors).toEqual([{ field: 'knownAt-day', text: 'Enter the known-at date as well as the time' }]);
    expect(readMoment({ 'knownAt-day': '1', 'knownAt-month': '7', 'knownAt-year': '2026', knownAtTime: '' }, 'knownAt', 'knownAtTime', labels).value).toBe('2026-07-01T22:59:59.999Z');
  });
});
