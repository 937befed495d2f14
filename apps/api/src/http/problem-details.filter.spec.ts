import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';
import Database from 'better-sqlite3';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Answer {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
  view?: string;
}

/** Runs the filter on an error thrown while serving a path, and returns what it answered. */
function answer(error: unknown, path = '/api/offenders/0b5f/lapses'): Answer {
  const answered: Answer = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (answered.headers[name] = value),
    status: (status: number) => ((answered.status = status), response),
    type: () => response,
    json: (body: Record<string, unknown>) => (answered.body = body),
    render: (view: string) => (answered.view = view),
    locals: {},
  };
  const request = { path, originalUrl: path, url: path, session: undefined };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return answered;
}

const systemError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: 'connect' });
const leaderElsewhere = {
  code: 9,
  message: 'Leader info available',
  metadata: { getMap: () => ({ 'leader-endpoint-host': 'esdb-node2', 'leader-endpoint-port': '2113' }) },
} as unknown as ConstructorParameters<typeof NotLeaderError>[0];

beforeEach(() => {
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('ProblemDetailsFilter: a store that is busy or out of reach', () => {
  it('answers 503 STORE.BUSY with Retry-After when the embedded store stays locked past its busy timeout', () => {
    const busy = new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    const { status, headers, body } = answer(busy);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('1');
    expect(body).toMatchObject({ status: 503, code: 'STORE.BUSY', type: 'urn:ppo-journey:problem:store-busy', instance: '/api/offenders/0b5f/lapses' });
    expect(JSON.stringify(body)).not.toContain('database is locked');
  });

  it.each([
    ['EventStoreDB unavailable', new UnavailableError(undefined, '14 UNAVAILABLE: No connection established')],
    ['an EventStoreDB deadline passed', new DeadlineExceededError(undefined, '4 DEADLINE_EXCEEDED')],
    ['an EventStoreDB timeout', new TimeoutError(undefined, 'timed out')],
    ['EventStoreDB without a leader where it wrote', new NotLeaderError(leaderElsewhere)],
    ['PostgreSQL refusing connections', systemError('ECONNREFUSED')],
    ['a connection reset under a query', systemError('ECONNRESET')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a store error wrapped in another', new Error('Projection status unavailable', { cause: systemError('ECONNREFUSED') })],
  ])('answers 503 STORE.UNAVAILABLE with Retry-After for %s', (_, error) => {
    const { status, headers, body } = answer(error);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(body).toMatchObject({ status: 503, code: 'STORE.UNAVAILABLE' });
  });

  it('still answers 500 for a fault in the code, without Retry-After', () => {
    const constraint = new Database.SqliteError('UNIQUE constraint failed: events.event_id', 'SQLITE_CONSTRAINT_UNIQUE');
    for (const error of [new TypeError("Cannot read properties of undefined (reading 'x')"), constraint]) {
      const { status, headers, body } = answer(error);
      expect({ status, retryAfter: headers['Retry-After'], code: body?.code }).toEqual({ status: 500, retryAfter: undefined, code: 'INTERNAL' });
    }
  });

  it('answers a page with a 503 error page and Retry-After when the store is busy', () => {
    const { status, headers, view } = answer(new Database.SqliteError('database is locked', 'SQLITE_BUSY'), '/offenders/0b5f/record-lapse');
    expect({ status, retryAfter: headers['Retry-After'], view }).toEqual({ status: 503, retryAfter: '1', view: 'errors/error.njk' });
  });
});
