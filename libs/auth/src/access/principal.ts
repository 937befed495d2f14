import { ALL_AREA_ROLES, roleGranting, type Permission, type Role } from './roles';

/** A signed-in user, as every request sees them. */
export interface Principal {
  /** Stable id: the local account's id, or the identity provider's subject. */
  userId: string;
  /** What the user signs in with (local username, or the provider's preferred username or email). */
  username: string;
  displayName: string;
  roles: Role[];
  /** Areas the user works in (e.g. "northumbria"). */
  areas: string[];
  /** How this request was authenticated. */
  via: 'session' | 'token' | 'oidc-token' | 'oidc-session';
}

/** The areas a principal may see: every area, or a list (possibly empty). */
export type AreaScope = { all: true } | { all: false; areas: string[] };

/** The areas a principal may see for a permission: all for auditors and DPOs, otherwise their own. */
export function areaScopeOf(principal: Principal, permission: Permission): AreaScope {
  const granting = principal.roles.filter((r) => roleGranting([r], permission));
  if (granting.some((r) => ALL_AREA_ROLES.includes(r))) return { all: true };
  return { all: false, areas: principal.areas };
}

export function inScope(scope: AreaScope, area: string): boolean {
  return scope.all || scope.areas.includes(area);
}

/** Narrows a requested area filter to a scope: the areas to query, or undefined for "every area". */
export function scopedAreas(scope: AreaScope, requested?: string): string[] | undefined {
  if (scope.all) return requested ? [requested] : undefined;
  return requested ? scope.areas.filter((a) => a === requested) : scope.areas;
}
