/**
 * Refusals that come from how a request was made rather than from the domain:
 * stale versions, reused idempotency keys, contention. Each has a stable code
 * and the HTTP status it maps to.
 */
export class ApplicationError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApplicationError';
  }
}

/** If-Match named a version the record has moved past (412). */
export class StaleVersionError extends ApplicationError {
  constructor(expected: number, currentVersion: number) {
    super(
      'REQUEST.STALE_VERSION',
      412,
      'This record changed since you opened it.',
      `You sent version ${expected}; the record is now at version ${currentVersion}.`,
      { currentVersion },
    );
  }
}

/** The Idempotency-Key was already used for a different request (422). */
export class IdempotencyKeyReusedError extends ApplicationError {
  constructor() {
    super(
      'REQUEST.IDEMPOTENCY_KEY_REUSED',
      422,
      'This Idempotency-Key was already used for a different request.',
      'Send a new key for a new request; repeat a key only to retry the very same request.',
    );
  }
}

/** Other writers kept changing the record faster than this command could be applied (409). */
export class ConcurrentUpdateError extends ApplicationError {
  constructor(attempts: number) {
    super(
      'REQUEST.CONCURRENT_UPDATE',
      409,
      'The record kept changing while this command was applied.',
      `Gave up after ${attempts} attempts; try again.`,
    );
  }
}
