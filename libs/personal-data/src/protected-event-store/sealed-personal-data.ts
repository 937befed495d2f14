import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { erasedPersonalData, personalDataPaths, restorePersonalData, separatePersonalData } from '@ppo/domain';

/** The key under which an event's data keeps its sealed personal values. */
export const SEALED = '$personal';

/** Personal values as stored: which paths they fill (in clear), and AES-256-GCM over their JSON. */
export interface SealedPersonalData {
  v: 1;
  paths: string[];
  /** base64: 12-byte IV, ciphertext, 16-byte tag. */
  box: string;
}

/** Binds a sealed box to its event, so it cannot be moved to another event or stream and still open. */
function associatedData(streamId: string, eventId: string, type: string): Buffer {
  return Buffer.from(`${streamId}\n${eventId}\n${type}`);
}

/** Whether stored data carries sealed personal values. */
export function sealedPartOf(data: unknown): SealedPersonalData | undefined {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, SEALED)) return undefined;
  return (data as Record<string, unknown>)[SEALED] as SealedPersonalData;
}

/** Whether an event holds personal data that must be sealed before it is stored. */
export function holdsPersonalData(event: { type: string; data: unknown }): boolean {
  // Only looks: separating (which copies the data) is left to seal, once.
  return personalDataPaths(event).length > 0;
}

/** The event's data with its personal values sealed under `key`; unchanged when it holds none. */
export function seal(streamId: string, event: { eventId: string; type: string; data: unknown }, key: KeyObject): unknown {
  const { clear, personal } = separatePersonalData(event);
  if (!personal) return event.data;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(streamId, event.eventId, event.type));
  const box = Buffer.concat([iv, cipher.update(JSON.stringify(personal), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const sealed: SealedPersonalData = { v: 1, paths: Object.keys(personal), box: box.toString('base64') };
  return { ...(clear as object), [SEALED]: sealed };
}

/** The stored data with its personal values opened with `key`, or read as "[erased]" when the key is destroyed. */
export function open(streamId: string, event: { eventId: string; type: string; data: unknown }, key: KeyObject | 'destroyed'): unknown {
  const sealed = sealedPartOf(event.data);
  if (!sealed) return event.data;
  const { [SEALED]: _, ...clear } = event.data as Record<string, unknown>;
  if (key === 'destroyed') return restorePersonalData(clear, erasedPersonalData(sealed.paths));
  const box = Buffer.from(sealed.box, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, 12));
  decipher.setAAD(associatedData(streamId, event.eventId, event.type));
  decipher.setAuthTag(box.subarray(box.length - 16));
  const json = Buffer.concat([decipher.update(box.subarray(12, box.length - 16)), decipher.final()]).toString('utf8');
  return restorePersonalData(clear, JSON.parse(json) as Record<string, unknown>);
}
