import {
  DEFAULT_SCHEME_POLICY,
  HARM_INDICATORS,
  OFFENCES,
  type SchemePolicies,
  type SchemePolicyOverride,
} from '@ppo/domain';
import { readFileSync } from 'node:fs';

const NUMBER_KEYS = [
  'contactsPerWeekOnAdoption',
  'minimumContactsPerWeek',
  'stablePeriodDays',
  'reviewIntervalMonths',
  'preventAndDeterUnderAge',
  'custodyDeselectionMonths',
  'escalationDays',
  'retentionYearsAfterDeselection',
] as const;
/** Settings counted in whole years, at least one: a retention period of none would put every deselected record up for review at once. */
const WHOLE_YEAR_KEYS: readonly string[] = ['retentionYearsAfterDeselection'];
const ELIGIBILITY_NUMBER_KEYS = ['windowMonths', 'threshold'] as const;

function checkOverride(where: string, value: unknown, problems: string[]): SchemePolicyOverride {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where} must be an object`);
    return {};
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === 'eligibility') continue;
    if (!(NUMBER_KEYS as readonly string[]).includes(key)) problems.push(`${where}.${key} is not a policy setting`);
    else if (WHOLE_YEAR_KEYS.includes(key)) {
      if (!Number.isInteger(record[key]) || (record[key] as number) < 1) problems.push(`${where}.${key} must be a whole number of years >= 1`);
    } else if (typeof record[key] !== 'number' || !((record[key] as number) >= 0)) problems.push(`${where}.${key} must be a number >= 0`);
  }
  const eligibility = record.eligibility;
  if (eligibility !== undefined) {
    if (typeof eligibility !== 'object' || eligibility === null) problems.push(`${where}.eligibility must be an object`);
    else {
      for (const [key, v] of Object.entries(eligibility)) {
        if ((ELIGIBILITY_NUMBER_KEYS as readonly string[]).includes(key)) {
          if (typeof v !== 'number' || !(v > 0)) problems.push(`${where}.eligibility.${key} must be a number > 0`);
        } else if (key === 'offenceWeights' || key === 'harmIndicatorWeights') {
          const allowed: readonly string[] = key === 'offenceWeights' ? OFFENCES : HARM_INDICATORS;
          for (const [name, weight] of Object.entries((v ?? {}) as Record<string, unknown>)) {
            if (!allowed.includes(name)) problems.push(`${where}.eligibility.${key}.${name} is not one of ${allowed.join(', ')}`);
            if (typeof weight !== 'number' || !(weight >= 0)) problems.push(`${where}.eligibility.${key}.${name} must be a number >= 0`);
          }
        } else problems.push(`${where}.eligibility.${key} is not an eligibility setting`);
      }
    }
  }
  return record as SchemePolicyOverride;
}

/**
 * Reads per-area scheme policies from a JSON file:
 * `{ "default": { ...overrides }, "areas": { "northumbria": { "eligibility": { "threshold": 6 } } } }`.
 * Returns the problems found instead of throwing, so config can report them all at once.
 */
export function readSchemePolicies(path: string | undefined): { policies: SchemePolicies; problems: string[] } {
  const problems: string[] = [];
  if (!path) return { policies: { default: DEFAULT_SCHEME_POLICY, areas: {} }, problems };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`PPO_SCHEME_POLICIES: cannot read ${path}: ${(error as Error).message}`);
    return { policies: { default: DEFAULT_SCHEME_POLICY, areas: {} }, problems };
  }
  const file = (parsed ?? {}) as { default?: unknown; areas?: Record<string, unknown> };
  const base = file.default === undefined ? {} : checkOverride('PPO_SCHEME_POLICIES default', file.default, problems);
  const areas: Record<string, SchemePolicyOverride> = {};
  for (const [area, override] of Object.entries(file.areas ?? {})) {
    areas[area] = checkOverride(`PPO_SCHEME_POLICIES areas.${area}`, override, problems);
  }
  const policies: SchemePolicies = {
    default: { ...DEFAULT_SCHEME_POLICY, ...base, eligibility: { ...DEFAULT_SCHEME_POLICY.eligibility, ...base.eligibility } },
    areas,
  };
  return { policies, problems };
}
