/** The roles a user can hold; a user holds one or more, and one or more areas. */
export const ROLES = ['caseworker', 'supervisor', 'auditor', 'analyst', 'dpo', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route needs. Every route names exactly one permission (or is public);
 * the roles that grant it are below, in one table.
 */
export const PERMISSIONS = [
  /** An offender's record and history, in the caller's areas. */
  'offender.read',
  /** Restricting processing of a record and lifting it, and legal holds (the DPO). */
  'offender.restrict',
  /** Erasing an offender's personal data by destroying their key (the DPO); irreversible. */
  'personal-data.erase',
  /** A subject access export: everything held about one person (the DPO). */
  'subject.access',
  /** Day-to-day commands on an offender: convictions, contacts, lapses, fast-tracks... */
  'offender.command',
  /** Adoption, deselection and strand changes. */
  'offender.supervise',
  /** Lists and reports that name offenders: the offender list, eligibility, contacts due. */
  'reports.cases',
  /** Per-officer caseloads (officers' names and counts; no offender's personal data). */
  'reports.caseloads',
  /** The retention review: deselected offenders whose retention period has run out, and those a legal hold keeps. */
  'retention.review',
  /** Who did what, per offender and user. */
  'reports.activity',
  /** Aggregated figures with no personal data: the scheme dashboard. */
  'reports.aggregate',
  /** The log's integrity check, and (with the audit work) the access log. */
  'audit.read',
  /** Projection status. */
  'operations.read',
  /** Projection rebuilds. */
  'operations.run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of who may do what. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  caseworker: ['offender.read', 'offender.command', 'reports.cases', 'reports.aggregate'],
  supervisor: ['offender.read', 'offender.command', 'offender.supervise', 'reports.cases', 'reports.caseloads', 'reports.activity', 'reports.aggregate'],
  auditor: ['offender.read', 'reports.cases', 'reports.caseloads', 'reports.activity', 'reports.aggregate', 'retention.review', 'audit.read', 'operations.read'],
  analyst: ['reports.caseloads', 'reports.aggregate'],
  dpo: ['offender.read', 'offender.restrict', 'personal-data.erase', 'subject.access', 'retention.review'],
  admin: ['operations.read', 'operations.run'],
};

/** Roles that read every area rather than only the areas a user holds. */
export const ALL_AREA_ROLES: readonly Role[] = ['auditor', 'dpo', 'admin'];

/** Roles that still see a record whose processing is restricted (with the reason); to everyone else it does not exist. */
export const SEES_RESTRICTED_ROLES: readonly Role[] = ['auditor', 'dpo'];

export const seesRestricted = (roles: readonly Role[]) => roles.some((r) => SEES_RESTRICTED_ROLES.includes(r));

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The first of the caller's roles that grants a permission, or undefined when none does. */
export function roleGranting(roles: readonly Role[], permission: Permission): Role | undefined {
  return roles.find((role) => ROLE_PERMISSIONS[role].includes(permission));
}
