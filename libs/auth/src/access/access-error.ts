/** A refusal of who is asking, mapped to HTTP by the problem-details filter: 401 or 403, with a stable code. */
export class AccessError extends Error {
  constructor(
    readonly code: 'AUTH.SIGN_IN_REQUIRED' | 'AUTH.TOKEN_EXPIRED' | 'AUTH.TOKEN_INVALID' | 'AUTH.FORBIDDEN' | 'AUTH.AREA_FORBIDDEN' | 'AUTH.NO_ACCESS_RULE' | 'AUTH.SIGN_IN_FAILED' | 'AUTH.CSRF_TOKEN_INVALID',
    readonly status: 401 | 403,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
    this.name = 'AccessError';
  }

  static signInRequired(): AccessError {
    return new AccessError('AUTH.SIGN_IN_REQUIRED', 401, 'Sign in to use this service.', 'Send Authorization: Bearer <token>: from POST /api/auth/token for a local account, or from your identity provider.');
  }

  static forbidden(): AccessError {
    return new AccessError('AUTH.FORBIDDEN', 403, 'You do not have permission to do this.', 'None of your roles allows this.');
  }
}
