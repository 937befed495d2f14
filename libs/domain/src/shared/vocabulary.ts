/**
 * The enumerated words of the PPO domain. Each list is the single source for
 * its type, for request validation at the edge and for the OpenAPI document.
 */

export const STRANDS = ['prevent-and-deter', 'catch-and-convict', 'rehabilitate-and-resettle'] as const;
/** The three complementary strands of the PPO strategy. */
export type Strand = (typeof STRANDS)[number];

export const INTENSITIES = ['custody', 'intensive', 'high', 'medium', 'standard', 'low'] as const;
/** Supervision intensity, named from required contacts a week and status. */
export type Intensity = (typeof INTENSITIES)[number];

export const OFFENCES = [
  'theft-from-shops',
  'burglary',
  'criminal-damage',
  'assault',
  'robbery',
  'vehicle-crime',
  'drugs',
  'public-order',
  'other',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const HARM_INDICATORS = ['gang-leadership', 'anti-social-behaviour', 'other'] as const;
/** Harm other than the volume of offending, which local selection may weigh. */
export type HarmIndicator = (typeof HARM_INDICATORS)[number];

export const CONTACT_KINDS = ['home-visit', 'office', 'accompanied-appointment', 'phone'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_OUTCOMES = ['attended', 'acceptable-absence', 'unacceptable-absence'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** The OASys sections a need can be identified under. */
export const NEEDS = [
  'accommodation',
  'education-training-employment',
  'finance',
  'relationships',
  'lifestyle',
  'drugs',
  'alcohol',
  'thinking-and-behaviour',
  'attitudes',
  'health',
] as const;
export type Need = (typeof NEEDS)[number];

export const INTERVENTION_RESULTS = ['completed', 'not-completed'] as const;
export type InterventionResult = (typeof INTERVENTION_RESULTS)[number];

export const LAPSE_KINDS = ['drug-use', 'reoffending', 'missed-contacts', 'other'] as const;
export type LapseKind = (typeof LAPSE_KINDS)[number];

export const SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COURT_OUTCOMES = ['order-continued', 'order-varied', 'custody', 'new-community-order'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

export const COMMUNITY_ORDER_END_REASONS = ['completed', 'revoked', 'breached'] as const;
export type CommunityOrderEndReason = (typeof COMMUNITY_ORDER_END_REASONS)[number];

export const STRAND_CHANGES = ['added', 'ended', 'made-current'] as const;
/** What a strand change does: add a parallel strand, end one, or make an active one the main one. */
export type StrandChange = (typeof STRAND_CHANGES)[number];

export const REVIEW_DECISIONS = ['continue', 'recommend-deselection'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const DESELECTION_REASONS = [
  'stable-and-order-complete',
  'custody-two-years-or-more',
  'moved-area',
  'deceased',
  'other',
] as const;
export type DeselectionReason = (typeof DESELECTION_REASONS)[number];

export const OFFENDER_STATUSES = ['registered', 'on-scheme', 'in-custody', 'deselected'] as const;
/** Where an offender stands with the scheme. */
export type OffenderStatus = (typeof OFFENDER_STATUSES)[number];

/**
 * Why personal data is erased (DPA 2018 s.47): processing would infringe the data protection principles,
 * the law requires it, or the retention period has ended and a review found no reason to keep it.
 */
export const ERASURE_GROUNDS = ['principles-infringed', 'legal-obligation', 'retention-period-ended'] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];
