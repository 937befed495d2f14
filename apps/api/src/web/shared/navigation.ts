import type { Permission } from '@ppo/auth';

/** An item of the service navigation, shown to those whose roles grant its permission. */
export interface NavigationItem {
  text: string;
  href: string;
  permission?: Permission;
}

/** The service navigation, in order. */
export const NAVIGATION: NavigationItem[] = [
  { text: 'Home', href: '/' },
  { text: 'Offenders', href: '/offenders', permission: 'reports.cases' },
  { text: 'Eligibility', href: '/eligibility', permission: 'reports.cases' },
  { text: 'Contacts due', href: '/contacts-due', permission: 'reports.cases' },
  { text: 'Caseloads', href: '/caseloads', permission: 'reports.caseloads' },
  { text: 'Dashboard', href: '/dashboard', permission: 'reports.aggregate' },
  { text: 'Retention review', href: '/retention-review', permission: 'retention.review' },
  { text: 'Projections', href: '/projections', permission: 'operations.read' },
  { text: 'Audit', href: '/audit/access-log', permission: 'audit.read' },
];
