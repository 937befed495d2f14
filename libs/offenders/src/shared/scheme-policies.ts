/** Injection token for the SchemePolicies in force (defaults from the seeds, overrides per area from config). */
export const SCHEME_POLICIES = Symbol('SCHEME_POLICIES');
