import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ReduceContactFrequencyDto } from '../../commands/reduce-contact-frequency/reduce-contact-frequency.dto';

/** The constraints each field of a reduction breaks, by field. */
async function problemsWith(contactsPerWeek: unknown): Promise<Record<string, string[]>> {
  const dto = plainToInstance(ReduceContactFrequencyDto, { contactsPerWeek, reason: 'Stable for three months', effectiveOn: '2026-11-02' });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

describe('A number field (contacts a week)', () => {
  it.each([0.25, 0.5, 1.25, 4, 14])('accepts %p, within its range to two decimal places', async (value) => {
    expect(await problemsWith(value)).toEqual({});
  });

  it('refuses a third decimal place', async () => {
    expect(await problemsWith(0.333)).toEqual({ contactsPerWeek: ['atMostTwoDecimalPlaces'] });
  });

  // Found by the command fuzzer (test/faults/command-fuzzing.e2e-spec.ts): a number that JavaScript writes
  // with an exponent made class-validator's decimal-places check throw, and the command answered 500.
  it.each([1e-7, -5e-324, 2.5e-10])('refuses %p, written with an exponent, as a validation problem rather than throwing', async (value) => {
    expect((await problemsWith(value)).contactsPerWeek).toEqual(expect.arrayContaining(['atMostTwoDecimalPlaces', 'min']));
  });

  it('refuses what is not a finite number', async () => {
    for (const value of ['2', null, true, [1], Number.POSITIVE_INFINITY]) {
      expect((await problemsWith(value)).contactsPerWeek).toContain('isNumber');
    }
  });
});
