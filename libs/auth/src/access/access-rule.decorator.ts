import { SetMetadata } from '@nestjs/common';
import type { Permission } from './roles';

/** What a route needs from its caller. Every route has exactly one. */
export type AccessRule =
  | { public: true }
  /** Any signed-in user, whatever their roles (their home page, signing out). */
  | { signedIn: true }
  | {
      public?: false;
      signedIn?: false;
      permission: Permission;
      /** A path parameter naming an offender: one outside the caller's areas answers 404, as if it did not exist. */
      offenderParam?: string;
      /** A body field naming an area the caller must work in (registration). */
      areaField?: string;
    };

export const ACCESS_RULE = 'ppo:access-rule';

/** The permission a route needs, and how its offender or area is found for area scoping. */
export const Access = (permission: Permission, options: { offenderParam?: string; areaField?: string } = {}) =>
  SetMetadata<string, AccessRule>(ACCESS_RULE, { permission, ...options });

/** A route anyone may call, signed in or not (sign-in itself, health, assets). */
export const Public = () => SetMetadata<string, AccessRule>(ACCESS_RULE, { public: true });

/** A route for any signed-in user, whatever their roles. */
export const SignedIn = () => SetMetadata<string, AccessRule>(ACCESS_RULE, { signedIn: true });
