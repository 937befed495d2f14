import type { CommandFormDefinition } from '../command-form/command-form';
import { ReleaseFromCustodyCommand, ReleaseFromCustodyDto } from '@ppo/offenders';
import { dateField, strandAfterwardsField } from './common-fields';

/** Record release from custody, and the strand the offender is mainly managed under on release. */
export const releaseFromCustodyForm: CommandFormDefinition = {
  slug: 'release-from-custody',
  title: 'Record release from custody',
  permission: 'offender.command',
  command: ReleaseFromCustodyCommand,
  dto: ReleaseFromCustodyDto,
  fields: [dateField('releasedOn', 'Date of release', 'the date of release'), strandAfterwardsField('Usually Rehabilitate and resettle on release.')],
};
