import type { AreaScope } from '@ppo/auth';
import { sentence } from '../../shared/format';

/**
 * How a page lets the user narrow it to one area: a select of their own areas,
 * or, for those who read every area (auditors), a text box, since there is no
 * list of every area to offer.
 */
export type AreaFilter = { kind: 'select'; items: { value: string; text: string; selected: boolean }[] } | { kind: 'text'; value: string };

export function areaFilter(scope: AreaScope, chosen: string | undefined): AreaFilter {
  if (scope.all) return { kind: 'text', value: chosen ?? '' };
  return {
    kind: 'select',
    items: [
      { value: '', text: 'All your areas', selected: !chosen },
      ...scope.areas.map((area) => ({ value: area, text: sentence(area), selected: area === chosen })),
    ],
  };
}

/**
 * The area asked for, when the user may see it: a user limited to some areas
 * cannot widen a list by naming another one (it is then ignored).
 */
export function requestedArea(scope: AreaScope, requested: string | undefined): string | undefined {
  if (!requested) return undefined;
  return scope.all || scope.areas.includes(requested) ? requested : undefined;
}
