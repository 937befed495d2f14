import { roleGranting, type Permission, type Principal } from '@ppo/auth';
import { NAVIGATION } from '../../shared/navigation';

/** What each page of the service is for, in a sentence, for the start page. */
const PURPOSES: Record<string, string> = {
  '/offenders': 'Find an offender by name or CRN, or filter by strand, intensity, officer and status.',
  '/eligibility': 'Registered offenders who meet the criteria for the scheme today, with the evidence.',
  '/contacts-due': 'Contacts overdue or due in the coming week.',
  '/caseloads': 'Each probation and police officer’s caseload this week.',
  '/dashboard': 'The scheme’s figures by month: the cohort, adoptions, lapses, compliance and offending before and after adoption.',
  '/retention-review': 'Deselected offenders whose retention period has run out, due for review, and those a legal hold keeps.',
  '/projections': 'Where each read model stands, and rebuilding one.',
};

/** The pages this user's roles open, beyond the start page, with what each is for. */
export function startLinks(principal: Principal): { text: string; href: string; purpose: string }[] {
  return NAVIGATION.filter((item) => item.href !== '/' && (!item.permission || roleGranting(principal.roles, item.permission as Permission))).map((item) => ({
    text: item.text,
    href: item.href,
    purpose: PURPOSES[item.href] ?? '',
  }));
}
