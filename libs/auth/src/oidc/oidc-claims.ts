import type { JWTPayload } from 'jose';
import type { Principal } from '../access/principal';
import { isRole, type Role } from '../access/roles';
import type { OidcConfig } from '../auth-config';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];

/** Reads a claim by name, allowing a dotted path into nested claims (e.g. "realm_access.roles"). */
function claim(claims: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** A principal from the provider's claims: roles through the configured map (our own names pass as they are), areas as given. */
export function principalFromClaims(claims: JWTPayload, config: OidcConfig, via: Principal['via']): Principal {
  const roles = new Set<Role>();
  for (const name of strings(claim(claims, config.rolesClaim))) {
    // Own keys only: a group called "constructor" must not find Object.prototype's.
    const mapped: unknown = Object.hasOwn(config.roleMap, name) ? config.roleMap[name] : name;
    if (typeof mapped === 'string' && isRole(mapped)) roles.add(mapped);
  }
  const username = [claims.preferred_username, claims.email, claims.sub].find((v): v is string => typeof v === 'string') ?? 'unknown';
  const displayName = typeof claims.name === 'string' ? claims.name : username;
  return {
    userId: `oidc:${claims.sub}`,
    username,
    displayName,
    roles: [...roles],
    areas: [...new Set(strings(claim(claims, config.areasClaim)))],
    via,
  };
}
