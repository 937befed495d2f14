import * as client from 'openid-client';
import type { OidcConfig } from '../../auth-config';

/** What a browser's session keeps between leaving for the identity provider and coming back. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Hosts where a plain-http provider is allowed: a provider on this machine, for development and tests. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The authorization code flow with PKCE against the organisation's identity
 * provider (openid-client). The discovery document is fetched once, on first
 * use, and again only after a failure; the provider's keys are cached across
 * sign-ins. ID tokens are checked against the service's clock, as access
 * tokens are.
 */
export class OidcClient {
  private server?: Promise<client.ServerMetadata>;
  private jwks?: client.ExportedJWKSCache;

  constructor(
    readonly config: OidcConfig,
    private readonly now: () => Date,
  ) {}

  /** Where the provider sends the browser back to, as registered with it. */
  get redirectUri(): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/sign-in/callback`;
  }

  /** A new flow (state, nonce, PKCE verifier) and the provider's authorization URL for it. */
  async start(): Promise<{ url: URL; flow: OidcFlow }> {
    const configuration = await this.configuration();
    const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile email',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, flow };
  }

  /**
   * The ID token's claims for the provider's answer to a flow: the callback's
   * query must carry the flow's state, the code is exchanged with its PKCE
   * verifier, and the ID token must be signed by the provider, for this
   * client, unexpired and carry the flow's nonce. Throws openid-client's
   * errors (see isRefusedSignIn) otherwise.
   */
  async finish(callbackQuery: string, flow: OidcFlow): Promise<client.IDToken> {
    const configuration = await this.configuration();
    const callback = new URL(this.redirectUri);
    callback.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    this.jwks = client.getJwksCache(configuration) ?? this.jwks;
    const claims = tokens.claims();
    if (!claims) throw new client.ClientError('the token endpoint returned no ID token');
    return claims;
  }

  /**
   * Where to send the browser after signing out here, so it is signed out at
   * the provider too (RP-initiated logout) and comes back to /signed-out;
   * undefined when the provider offers no end-session endpoint.
   */
  async endSessionUrl(): Promise<URL | undefined> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, {
      client_id: this.config.clientId,
      post_logout_redirect_uri: `${this.config.publicUrl.replace(/\/+$/, '')}/signed-out`,
    });
  }

  private async configuration(): Promise<client.Configuration> {
    this.server ??= this.discover();
    let server: client.ServerMetadata;
    try {
      server = await this.server;
    } catch (error) {
      this.server = undefined;
      throw error;
    }
    // openid-client reads the time from Date.now(); the skew makes it use the service's clock instead.
    const skew = Math.round((this.now().getTime() - Date.now()) / 1000);
    const configuration = new client.Configuration(server, this.config.clientId, { [client.clockSkew]: skew }, this.clientAuth(server));
    if (this.insecure) client.allowInsecureRequests(configuration);
    // The ID token came straight from the token endpoint, which TLS vouches for; checking its signature as well costs one cached key fetch.
    client.enableNonRepudiationChecks(configuration);
    if (this.jwks) client.setJwksCache(configuration, this.jwks);
    return configuration;
  }

  private async discover(): Promise<client.ServerMetadata> {
    const discovered = await client.discovery(new URL(this.config.issuer), this.config.clientId, undefined, undefined, {
      execute: this.insecure ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    return { ...discovered.serverMetadata() };
  }

  private get insecure(): boolean {
    const issuer = new URL(this.config.issuer);
    return issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  }

  private clientAuth(server: client.ServerMetadata): client.ClientAuth {
    const secret = this.config.clientSecret;
    if (!secret) return client.None();
    const methods = server.token_endpoint_auth_methods_supported;
    return !methods || methods.includes('client_secret_basic') ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
  }
}

/**
 * Whether an error from OidcClient.finish means this sign-in was refused or
 * went wrong between the browser, the provider and us (a wrong state, a
 * cancelled sign-in, a code already used, an ID token that does not check
 * out), rather than a fault of this service or the network.
 */
export function isRefusedSignIn(error: unknown): error is Error & { code?: string } {
  return error instanceof client.ClientError || error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError;
}
