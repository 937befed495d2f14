import type { SchemeMonth } from '@ppo/read-models';

/** The same columns as GET /api/reports/scheme-summary?format=csv: one row per area and month, no personal data. */
export const SCHEME_SUMMARY_COLUMNS = [
  'area', 'month', 'cohort', 'inCustody', 'preventAndDeter', 'catchAndConvict', 'rehabilitateAndResettle', 'intensive', 'high', 'medium', 'standard', 'low',
  'adoptions', 'deselections', 'lapses', 'fastTracks', 'contactsAttended', 'contactsRequired', 'compliancePercent', 'meanDaysLapseToFastTrack',
  'offendingCohort', 'offendingBefore', 'offendingAfter', 'offendingReductionPercent',
];

/** A row of the scheme summary CSV. */
export function schemeSummaryCsvRow(m: SchemeMonth): Record<string, unknown> {
  return {
    area: m.area,
    month: m.month,
    cohort: m.cohort.total,
    inCustody: m.cohort.inCustody,
    preventAndDeter: m.cohort.byStrand['prevent-and-deter'] ?? 0,
    catchAndConvict: m.cohort.byStrand['catch-and-convict'] ?? 0,
    rehabilitateAndResettle: m.cohort.byStrand['rehabilitate-and-resettle'] ?? 0,
    intensive: m.cohort.byIntensity.intensive ?? 0,
    high: m.cohort.byIntensity.high ?? 0,
    medium: m.cohort.byIntensity.medium ?? 0,
    standard: m.cohort.byIntensity.standard ?? 0,
    low: m.cohort.byIntensity.low ?? 0,
    adoptions: m.adoptions,
    deselections: m.deselections,
    lapses: m.lapses,
    fastTracks: m.fastTracks,
    contactsAttended: m.contactCompliance.attended,
    contactsRequired: m.contactCompliance.required,
    compliancePercent: m.contactCompliance.percent,
    meanDaysLapseToFastTrack: m.lapseToFastTrack.meanDays,
    offendingCohort: m.offending.offenders,
    offendingBefore: m.offending.before,
    offendingAfter: m.offending.after,
    offendingReductionPercent: m.offending.reductionPercent,
  };
}
