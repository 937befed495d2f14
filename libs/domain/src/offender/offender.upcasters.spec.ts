import { OFFENDER_EVENT_SCHEMA_VERSIONS, OFFENDER_EVENT_TYPES } from './offender.events';
import { OFFENDER_UPCASTERS, UnreadableEventError, upcastOffenderEvent, type UpcasterRegistry } from './offender.upcasters';

describe('reading stored events into the current model', () => {
  it('an event in the current version is read as it is', () => {
    const data = { lapseId: 'lapse-1', occurredOn: '2026-06-01', kind: 'drug-use', severity: 'minor' };
    expect(upcastOffenderEvent({ type: 'LapseOccurred', schemaVersion: 1, data })).toEqual({ type: 'LapseOccurred', data });
  });

  it('an event of an unknown type is refused', () => {
    expect(() => upcastOffenderEvent({ type: 'OffenderTeleported', schemaVersion: 1, data: {} })).toThrow(
      new UnreadableEventError('Unknown event type OffenderTeleported'),
    );
  });

  it.each(['constructor', '__proto__', 'toString'])('a type named like an object property (%s) is unknown', (type) => {
    expect(() => upcastOffenderEvent({ type, schemaVersion: 1, data: {} })).toThrow(UnreadableEventError);
  });

  it('an event written by a newer version of the service is refused rather than misread', () => {
    expect(() => upcastOffenderEvent({ type: 'LapseOccurred', schemaVersion: 2, data: {} })).toThrow(
      new UnreadableEventError('LapseOccurred v2 is newer than this service understands (v1)'),
    );
  });

  it('every event type has upcasters from version 1 up to its current version', () => {
    for (const type of OFFENDER_EVENT_TYPES) {
      for (let version = 1; version < OFFENDER_EVENT_SCHEMA_VERSIONS[type]; version++) {
        expect(OFFENDER_UPCASTERS[type]?.[version]).toBeInstanceOf(Function);
      }
    }
    expect(OFFENDER_EVENT_TYPES).toHaveLength(30);
  });

  describe('with an injected registry', () => {
    // ContactRecorded v1 had `date`, v2 renamed it `contactOn`, v3 added `kind`.
    const versions = { ...OFFENDER_EVENT_SCHEMA_VERSIONS, ContactRecorded: 3 };
    const upcasters: UpcasterRegistry = {
      ContactRecorded: {
        1: ({ date, ...rest }) => ({ ...rest, contactOn: date }),
        2: (data) => ({ ...data, kind: data.kind ?? 'office' }),
      },
    };

    it('a version 1 event is upcast through version 2 to version 3, one step at a time', () => {
      expect(upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 1, data: { date: '2026-06-01', outcome: 'attended' } }, upcasters, versions)).toEqual({
        type: 'ContactRecorded',
        data: { contactOn: '2026-06-01', outcome: 'attended', kind: 'office' },
      });
    });

    it('a version 2 event is upcast by the version 2 upcaster only', () => {
      expect(
        upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 2, data: { contactOn: '2026-06-01', outcome: 'attended', kind: 'phone' } }, upcasters, versions),
      ).toEqual({ type: 'ContactRecorded', data: { contactOn: '2026-06-01', outcome: 'attended', kind: 'phone' } });
    });

    it('a version 3 event is read as it is', () => {
      const data = { contactOn: '2026-06-01', outcome: 'attended', kind: 'home-visit' };
      expect(upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 3, data }, upcasters, versions)).toEqual({ type: 'ContactRecorded', data });
    });

    it('the upcasters are applied in version order', () => {
      const calls: number[] = [];
      const tracing: UpcasterRegistry = { ContactRecorded: { 2: (d) => (calls.push(2), d), 1: (d) => (calls.push(1), d) } };
      upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 1, data: {} }, tracing, versions);
      expect(calls).toEqual([1, 2]);
    });

    it('a missing step in the chain is refused', () => {
      const gap: UpcasterRegistry = { ContactRecorded: { 1: (d) => d } };
      expect(() => upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 1, data: {} }, gap, versions)).toThrow(
        new UnreadableEventError('No upcaster for ContactRecorded v2'),
      );
    });

    it('an event newer than the injected versions is still refused', () => {
      expect(() => upcastOffenderEvent({ type: 'ContactRecorded', schemaVersion: 4, data: {} }, upcasters, versions)).toThrow(UnreadableEventError);
    });
  });
});
