import type { OffenderEventType, PersonalDetails } from './offender.events';

/** What a personal value reads as once the offender's data key is destroyed. */
export const ERASED = '[erased]';

/** An offender's identity after erasure. */
export const ERASED_PERSONAL_DETAILS: PersonalDetails = { crn: ERASED, givenName: ERASED, familyName: ERASED, dateOfBirth: ERASED };

/**
 * Where each event keeps personal data, as dot paths into its `data`: the offender's identity, and every free
 * text field that may name a person (notes, reasons, details, an intervention's name and provider). These are
 * sealed under the offender's data key before the event is stored; everything else (dates, codes, strands) stays
 * in clear so the facts, the dashboards and the chain of hashes outlive an erasure. Staff names (the supervision
 * team) are not the offender's personal data and stay in clear.
 */
export const PERSONAL_DATA_PATHS: Record<OffenderEventType, readonly string[]> = {
  OffenderRegistered: ['personal.crn', 'personal.pncId', 'personal.givenName', 'personal.familyName', 'personal.dateOfBirth'],
  ConvictionRecorded: ['sentence'],
  ArrestRecorded: [],
  HarmIndicatorRecorded: ['details'],
  OffenderAdopted: ['reason'],
  SupervisionTeamAssigned: [],
  ContactRecorded: ['notes'],
  ContactFrequencySet: ['reason'],
  ContactFrequencyReduced: ['reason'],
  ContactFrequencyIncreased: ['reason'],
  NeedIdentified: ['notes'],
  InterventionStarted: ['name', 'provider'],
  InterventionCompleted: [],
  LapseOccurred: ['notes'],
  FastTrackedToCourt: ['reason'],
  CourtOutcomeRecorded: [],
  CustodyStarted: [],
  ReleasedFromCustody: [],
  CommunityOrderStarted: ['requirements'],
  CommunityOrderEnded: [],
  StrandChanged: ['reason'],
  ReviewCompleted: ['notes'],
  OffenderDeselected: ['exitPlan.summary', 'exitPlan.voluntarySupport'],
  EventRetracted: ['reason'],
  // The corrected event's own personal fields are added under corrected.data (personalDataPaths).
  EventRectified: ['reason'],
  ProcessingRestricted: ['reason'],
  RestrictionLifted: ['reason'],
  PersonalDataErased: [],
  LegalHoldPlaced: ['reason'],
  LegalHoldReleased: ['reason'],
};

type Data = Record<string, unknown>;

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathsOfType(type: string): readonly string[] {
  return Object.hasOwn(PERSONAL_DATA_PATHS, type) ? PERSONAL_DATA_PATHS[type as OffenderEventType] : [];
}

/** The personal-data paths an event's data actually holds (absent optional fields are left out). */
export function personalDataPaths(event: { type: string; data: unknown }): string[] {
  const paths = pathsOfType(event.type).filter((path) => valueAt(event.data, path) !== undefined);
  if (event.type === 'EventRectified' && isObject(event.data) && isObject(event.data.corrected)) {
    const corrected = event.data.corrected as { type: string; data: unknown };
    paths.push(...personalDataPaths(corrected).map((path) => `corrected.data.${path}`));
  }
  return paths;
}

function valueAt(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const key of path.split('.')) {
    if (!isObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of `data` with the value at each path replaced (undefined removes it); objects on the way are copied. */
function withValues(data: unknown, values: ReadonlyMap<string, unknown>): unknown {
  const copy: Data = { ...(data as Data) };
  for (const [path, value] of values) {
    const keys = path.split('.');
    let at = copy;
    for (const key of keys.slice(0, -1)) {
      const next = at[key];
      if (!isObject(next)) throw new Error(`Personal data path ${path} does not fit the event`);
      at[key] = { ...next };
      at = at[key] as Data;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete at[last];
    else at[last] = value;
  }
  return copy;
}

/**
 * Splits an event's data into what may be stored in clear and its personal values by path; `personal` is
 * undefined when the event holds none.
 */
export function separatePersonalData(event: { type: string; data: unknown }): { clear: unknown; personal?: Record<string, unknown> } {
  const paths = personalDataPaths(event);
  if (paths.length === 0) return { clear: event.data };
  const personal = Object.fromEntries(paths.map((path) => [path, valueAt(event.data, path)]));
  return { clear: withValues(event.data, new Map(paths.map((path) => [path, undefined]))), personal };
}

/** Puts personal values back where separatePersonalData took them from. */
export function restorePersonalData(clear: unknown, personal: Record<string, unknown>): unknown {
  return withValues(clear, new Map(Object.entries(personal)));
}

/** The erased reading of each path: "[erased]", or a list holding it where the field is a list. */
export function erasedPersonalData(paths: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(paths.map((path) => [path, path.endsWith('voluntarySupport') ? [ERASED] : ERASED]));
}
