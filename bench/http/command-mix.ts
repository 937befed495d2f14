import { addDays, CONTACT_KINDS, HARM_INDICATORS, LAPSE_KINDS, NEEDS, OFFENCES, type IsoDate } from '@ppo/domain';

/** The areas the benchmark's offenders live in (the seed's areas, with their default policies). */
export const AREAS = ['northumbria', 'durham', 'cumbria'] as const;

/** A day's work on a PPO caseload: mostly contacts, then the facts that come with them. Weights sum to 100. */
export const COMMAND_MIX = [
  { command: 'RecordContact', path: 'contacts', weight: 70 },
  { command: 'RecordConviction', path: 'convictions', weight: 8 },
  { command: 'RecordLapse', path: 'lapses', weight: 6 },
  { command: 'IdentifyNeed', path: 'needs', weight: 6 },
  { command: 'RecordArrest', path: 'arrests', weight: 6 },
  { command: 'RecordHarmIndicator', path: 'harm-indicators', weight: 4 },
] as const;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];
const FAMILY_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Robson', 'Armstrong', 'Charlton', 'Dodds', 'Elliott'];
const GIVEN_NAMES = ['Liam', 'Connor', 'Jack', 'Kyle', 'Dean', 'Shannon', 'Chloe', 'Jade', 'Ryan', 'Kayleigh'];

/** The body of POST /api/offenders for the i-th offender, registered well over a year before `today`. */
export function registration(i: number, today: IsoDate): object {
  return {
    crn: `B${String(i).padStart(6, '0')}`,
    givenName: GIVEN_NAMES[i % GIVEN_NAMES.length],
    familyName: FAMILY_NAMES[Math.floor(i / GIVEN_NAMES.length) % FAMILY_NAMES.length],
    dateOfBirth: addDays(today, -(20 * 365 + (i % 5000))),
    area: AREAS[i % AREAS.length],
    registeredOn: addDays(today, -400),
  };
}

/** The body of POST /api/offenders/:id/adoption: adopted by the panel a year ago, with its reason. */
export function adoption(today: IsoDate): object {
  return { adoptedOn: addDays(today, -365), reason: 'Panel decision: prolific acquisitive offending (benchmark cohort)' };
}

/** A command of the mix for some offender: its path under /api/offenders/:id/ and its body. */
export function nextCommand(offenderIds: readonly string[], today: IsoDate, random: () => number): { path: string; body: string } {
  const offenderId = pick(offenderIds, random);
  let roll = random() * 100;
  const entry = COMMAND_MIX.find((c) => (roll -= c.weight) < 0) ?? COMMAND_MIX[0];
  const on = addDays(today, -1 - Math.floor(random() * 28));
  const body = (() => {
    switch (entry.command) {
      case 'RecordContact':
        return {
          contactOn: on,
          kind: pick(CONTACT_KINDS, random),
          outcome: random() < 0.8 ? 'attended' : pick(['acceptable-absence', 'unacceptable-absence'], random),
          notes: 'Seen as arranged; discussed accommodation and a job search. Engaging.',
        };
      case 'RecordConviction':
        return { offence: pick(OFFENCES, random), offenceDate: addDays(on, -20), convictionDate: on, court: 'Newcastle Magistrates\' Court', sentence: 'Community order, 12 months' };
      case 'RecordLapse':
        return { occurredOn: on, kind: pick(LAPSE_KINDS, random), severity: pick(['minor', 'moderate', 'serious'], random), notes: 'Reported by the police officer.' };
      case 'IdentifyNeed':
        return { need: pick(NEEDS, random), identifiedOn: on, notes: 'OASys review.' };
      case 'RecordArrest':
        return { arrestedOn: on, offence: pick(OFFENCES, random) };
      case 'RecordHarmIndicator':
        return { indicator: pick(HARM_INDICATORS, random), recordedOn: on, details: 'Intelligence report.' };
    }
  })();
  return { path: `/api/offenders/${offenderId}/${entry.path}`, body: JSON.stringify(body) };
}
