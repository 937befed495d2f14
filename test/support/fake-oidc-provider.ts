import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** What the browser asked /authorize for, as the provider saw it. */
export interface AuthorizationRequest {
  clientId: string | null;
  redirectUri: string | null;
  responseType: string | null;
  scope: string | null;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
}

/** Who the provider signs in, and anything it should get wrong on purpose. */
export interface FakeSignIn {
  claims: JWTPayload & { sub: string };
  /** Sign the ID token with a key that is not in the provider's JWKS. */
  idTokenSignedByStranger?: boolean;
}

/** Options for an access token from the provider; by default a good one for the app's audience. */
export interface AccessTokenOptions {
  audience?: string;
  issuer?: string;
  /** Sign with a key that is not in the provider's JWKS (but with the same key id). */
  signedByStranger?: boolean;
  /** Seconds since issue after which the token expires (default 300). */
  lifetimeSeconds?: number;
  /** Seconds before now that the token was issued (default 0). */
  issuedSecondsAgo?: number;
}

/** A running fake provider, and what a test can ask of it. */
export interface FakeOidcProvider {
  /** The issuer, e.g. http://127.0.0.1:41234 */
  issuer: string;
  /** Every request to /authorize, in order. */
  authorizations: AuthorizationRequest[];
  /** Who the next visits to /authorize sign in, without asking anything. */
  signInAs(claims: FakeSignIn['claims'], options?: Omit<FakeSignIn, 'claims'>): void;
  /** An access token for the API, as the provider would issue it. */
  accessToken(claims: JWTPayload & { sub: string }, options?: AccessTokenOptions): Promise<string>;
  close(): Promise<void>;
}

const KEY_ID = 'fake-provider-key-1';

/** Client credentials in a Basic header are form-encoded first (RFC 6749 section 2.3.1), so "+" is a space. */
const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

interface IssuedCode {
  request: AuthorizationRequest;
  signIn: FakeSignIn;
}

/**
 * A minimal OpenID Connect provider for tests, on 127.0.0.1: discovery, JWKS,
 * an /authorize that signs in whoever signInAs named and redirects straight
 * back with a code, and a /token that checks the client, the redirect URI and
 * the PKCE verifier before issuing RS256 ID and access tokens. Token times
 * follow the clock it is given, so they match the app's.
 */
export async function startFakeOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  /** The `aud` of access tokens meant for the app's API. */
  audience: string;
  now: () => Date;
}): Promise<FakeOidcProvider> {
  const keys = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }] };
  const codes = new Map<string, IssuedCode>();
  const authorizations: AuthorizationRequest[] = [];
  let next: FakeSignIn | undefined;
  let issuer = '';

  const epoch = () => Math.floor(options.now().getTime() / 1000);
  const sign = (claims: JWTPayload, key: CryptoKey, issuedAt: number, lifetime: number) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: KEY_ID }).setIssuedAt(issuedAt).setExpirationTime(issuedAt + lifetime).sign(key);

  const accessToken = (claims: JWTPayload & { sub: string }, o: AccessTokenOptions = {}) =>
    sign(
      { iss: o.issuer ?? issuer, aud: o.audience ?? options.audience, ...claims },
      o.signedByStranger ? stranger.privateKey : keys.privateKey,
      epoch() - (o.issuedSecondsAgo ?? 0),
      o.lifetimeSeconds ?? 300,
    );

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  };

  const authorize = (url: URL, response: ServerResponse) => {
    const q = url.searchParams;
    const request: AuthorizationRequest = {
      clientId: q.get('client_id'),
      redirectUri: q.get('redirect_uri'),
      responseType: q.get('response_type'),
      scope: q.get('scope'),
      state: q.get('state'),
      nonce: q.get('nonce'),
      codeChallenge: q.get('code_challenge'),
      codeChallengeMethod: q.get('code_challenge_method'),
    };
    authorizations.push(request);
    if (request.clientId !== options.clientId || !request.redirectUri || !next) return json(response, 400, { error: 'invalid_request' });
    const code = randomBytes(16).toString('base64url');
    codes.set(code, { request, signIn: next });
    const back = new URL(request.redirectUri);
    back.searchParams.set('code', code);
    if (request.state !== null) back.searchParams.set('state', request.state);
    response.writeHead(302, { location: back.href }).end();
  };

  const token = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(formDecode);
      clientId = id;
      clientSecret = secret;
    }
    if (clientId !== options.clientId || clientSecret !== options.clientSecret) return json(response, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !issued ||
      issued.request.redirectUri !== form.get('redirect_uri') ||
      issued.request.codeChallengeMethod !== 'S256' ||
      createHash('sha256').update(verifier).digest('base64url') !== issued.request.codeChallenge
    ) {
      return json(response, 400, { error: 'invalid_grant' });
    }
    const { claims, idTokenSignedByStranger } = issued.signIn;
    const idToken = await sign(
      { iss: issuer, aud: options.clientId, ...(issued.request.nonce ? { nonce: issued.request.nonce } : {}), ...claims },
      idTokenSignedByStranger ? stranger.privateKey : keys.privateKey,
      epoch(),
      300,
    );
    json(response, 200, { access_token: await accessToken(claims), token_type: 'Bearer', expires_in: 300, id_token: idToken });
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const route = `${request.method} ${url.pathname}`;
    const answer = (): void | Promise<void> => {
      switch (route) {
        case 'GET /.well-known/openid-configuration':
          return json(response, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            end_session_endpoint: `${issuer}/end-session`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            code_challenge_methods_supported: ['S256'],
            token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
            grant_types_supported: ['authorization_code'],
          });
        case 'GET /jwks':
          return json(response, 200, jwks);
        case 'GET /authorize':
          return authorize(url, response);
        case 'POST /token':
          return token(request, response);
        default:
          return json(response, 404, { error: 'not_found' });
      }
    };
    Promise.resolve(answer()).catch((error: unknown) => json(response, 500, { error: 'server_error', error_description: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    authorizations,
    signInAs: (claims, o = {}) => {
      next = { claims, ...o };
    },
    accessToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
