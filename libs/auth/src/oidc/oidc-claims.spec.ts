import type { OidcConfig } from '../auth-config';
import { principalFromClaims } from './oidc-claims';

const config: OidcConfig = {
  issuer: 'https://idp.example.org',
  clientId: 'ppo-journey',
  publicUrl: 'https://ppo.example.org',
  audience: 'ppo-journey-api',
  rolesClaim: 'roles',
  areasClaim: 'areas',
  roleMap: { 'ppo-caseworkers': 'caseworker', 'ppo-supervisors': 'supervisor' },
};

describe('A principal from the identity provider’s claims', () => {
  it('is the provider’s subject, under its preferred username and name, with the way it was vouched for', () => {
    const principal = principalFromClaims(
      { sub: 'f3a1', preferred_username: 'casey.worker', email: 'casey@example.org', name: 'Casey Worker', roles: ['caseworker'], areas: ['northumbria'] },
      config,
      'oidc-session',
    );
    expect(principal).toEqual({
      userId: 'oidc:f3a1',
      username: 'casey.worker',
      displayName: 'Casey Worker',
      roles: ['caseworker'],
      areas: ['northumbria'],
      via: 'oidc-session',
    });
  });

  it('falls back to the email and then the subject for a username, and to the username for a name', () => {
    expect(principalFromClaims({ sub: 'f3a1', email: 'casey@example.org' }, config, 'oidc-token')).toMatchObject({ username: 'casey@example.org', displayName: 'casey@example.org' });
    expect(principalFromClaims({ sub: 'f3a1' }, config, 'oidc-token')).toMatchObject({ username: 'f3a1', displayName: 'f3a1' });
  });

  it('maps the provider’s group names through the role map, lets this service’s own role names through, and ignores the rest', () => {
    const { roles } = principalFromClaims({ sub: 'u', roles: ['ppo-supervisors', 'auditor', 'finance-team', 'ppo-caseworkers'] }, config, 'oidc-token');
    expect(roles).toEqual(['supervisor', 'auditor', 'caseworker']);
  });

  it('reads roles and areas given as one comma- or space-separated string', () => {
    const principal = principalFromClaims({ sub: 'u', roles: 'ppo-caseworkers, analyst  dpo', areas: 'northumbria,durham cleveland' }, config, 'oidc-token');
    expect(principal.roles).toEqual(['caseworker', 'analyst', 'dpo']);
    expect(principal.areas).toEqual(['northumbria', 'durham', 'cleveland']);
  });

  it('reads roles and areas from nested claims such as Keycloak’s realm_access.roles', () => {
    const nested = { ...config, rolesClaim: 'realm_access.roles', areasClaim: 'ppo.areas' };
    const principal = principalFromClaims({ sub: 'u', realm_access: { roles: ['ppo-supervisors', 'offline_access'] }, ppo: { areas: ['durham'] } }, nested, 'oidc-token');
    expect(principal.roles).toEqual(['supervisor']);
    expect(principal.areas).toEqual(['durham']);
  });

  it('counts each role and each area once however often the provider repeats them', () => {
    const principal = principalFromClaims({ sub: 'u', roles: ['ppo-caseworkers', 'caseworker'], areas: ['northumbria', 'durham', 'northumbria'] }, config, 'oidc-token');
    expect(principal.roles).toEqual(['caseworker']);
    expect(principal.areas).toEqual(['northumbria', 'durham']);
  });

  it('gives no roles and no areas when the claims are missing or not strings', () => {
    const principal = principalFromClaims({ sub: 'u', roles: [42, null, { name: 'admin' }], areas: 7 }, config, 'oidc-token');
    expect(principal.roles).toEqual([]);
    expect(principal.areas).toEqual([]);
    expect(principalFromClaims({ sub: 'u' }, { ...config, rolesClaim: 'realm_access.roles' }, 'oidc-token').roles).toEqual([]);
  });

  it('grants nothing for group names that happen to be properties every object has', () => {
    const { roles } = principalFromClaims({ sub: 'u', roles: ['constructor', 'toString', '__proto__', 'hasOwnProperty'] }, config, 'oidc-token');
    expect(roles).toEqual([]);
  });
});
