import { OFFENDER_EVENT_SCHEMA_VERSIONS, type OffenderEvent, type OffenderEventType } from './offender.events';

/** An event as read from storage, in whatever schema version it was written. */
export interface RecordedEventShape {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** Turns the data of version `n` into the data of version `n + 1`. */
export type Upcaster = (data: any) => unknown;

/** Upcasters by event type and by the version they upcast from. */
export type UpcasterRegistry = Partial<Record<OffenderEventType, Record<number, Upcaster>>>;

/**
 * Upcasters for every past schema version. Empty while every event type is at
 * version 1: when a type's shape changes, bump its version in
 * OFFENDER_EVENT_SCHEMA_VERSIONS and add `{ [oldVersion]: data => newData }` here.
 */
export const OFFENDER_UPCASTERS: UpcasterRegistry = {};

/** Thrown when stored events cannot be read into the current model. */
export class UnreadableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableEventError';
  }
}

/**
 * Reads a stored event into the latest shape, applying upcasters one version
 * at a time, so the decider and projections only ever see the current union.
 */
export function upcastOffenderEvent(
  stored: RecordedEventShape,
  upcasters: UpcasterRegistry = OFFENDER_UPCASTERS,
  currentVersions: Record<string, number> = OFFENDER_EVENT_SCHEMA_VERSIONS,
): OffenderEvent {
  if (!Object.hasOwn(currentVersions, stored.type)) {
    throw new UnreadableEventError(`Unknown event type ${stored.type}`);
  }
  const target = currentVersions[stored.type];
  if (stored.schemaVersion > target) {
    throw new UnreadableEventError(
      `${stored.type} v${stored.schemaVersion} is newer than this service understands (v${target})`,
    );
  }
  let data = stored.data;
  for (let version = stored.schemaVersion; version < target; version++) {
    const upcast = upcasters[stored.type as OffenderEventType]?.[version];
    if (!upcast) throw new UnreadableEventError(`No upcaster for ${stored.type} v${version}`);
    data = upcast(data);
  }
  return { type: stored.type, data } as OffenderEvent;
}
