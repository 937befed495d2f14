import { createHash } from 'node:crypto';
import type { StoredEvent } from '../event-store.port';

/** What an event's hash covers: everything about it except its global position, plus its predecessor's hash. */
export interface HashedFields {
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  /** The data and metadata as stored, JSON. */
  dataJson: string;
  metadataJson: string;
  recordedAt: string;
  /** The hash of the previous event of the same stream; null for a stream's first event. */
  previousHash: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * An event's SHA-256, chained to the previous event of its stream. A JSON array
 * keeps the fields apart unambiguously; the leading tag versions the scheme.
 */
export function hashEvent(fields: HashedFields): string {
  const { streamId, version, eventId, type, schemaVersion, dataJson, metadataJson, recordedAt, previousHash } = fields;
  return sha256(JSON.stringify(['ppo-event-v1', streamId, version, eventId, type, schemaVersion, dataJson, metadataJson, recordedAt, previousHash]));
}

/** The hash a stored event should have, worked out again from what a reader sees. */
export function expectedHash(event: StoredEvent): string {
  return hashEvent({
    streamId: event.streamId,
    version: event.version,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: JSON.stringify(event.data),
    metadataJson: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt,
    previousHash: event.previousHash,
  });
}

/** A seal over the global log: a hash over every event hash up to a position, chained to the seal before. */
export interface Seal {
  /** 1, 2, 3... */
  sequence: number;
  /** The global position of the last event it covers. */
  position: number;
  /** How many events it covers since the previous seal. */
  events: number;
  hash: string;
  sealedAt: string;
}

/** The next seal's hash: the previous seal's hash followed by the hashes of the events since, in log order. */
export function sealHash(previousSealHash: string | null, eventHashes: readonly string[]): string {
  const hash = createHash('sha256').update(`ppo-seal-v1\n${previousSealHash ?? ''}\n`, 'utf8');
  for (const h of eventHashes) hash.update(`${h}\n`, 'utf8');
  return hash.digest('hex');
}
