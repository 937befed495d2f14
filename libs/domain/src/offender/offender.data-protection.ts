import { DomainError } from '../errors/domain-error';
import type { IsoDate } from '../shared/dates';
import type { ErasePersonalData, LiftRestriction, OffenderCommand, PlaceLegalHold, ReleaseLegalHold, RestrictProcessing } from './offender.commands';
import type { OffenderEvent } from './offender.events';
import { happened } from './offender.guards';
import type { OffenderState } from './offender.state';

/** The DPO's commands under DPA 2018 ss.46-48: restriction, erasure and legal holds. */
export type DataProtectionCommand = RestrictProcessing | LiftRestriction | ErasePersonalData | PlaceLegalHold | ReleaseLegalHold;

const DATA_PROTECTION_COMMANDS: ReadonlySet<OffenderCommand['type']> = new Set([
  'RestrictProcessing',
  'LiftRestriction',
  'ErasePersonalData',
  'PlaceLegalHold',
  'ReleaseLegalHold',
] satisfies DataProtectionCommand['type'][]);

export function isDataProtectionCommand(command: OffenderCommand): command is DataProtectionCommand {
  return DATA_PROTECTION_COMMANDS.has(command.type);
}

/**
 * Decides a data protection command for a registered offender whose data is not erased. These duties apply
 * whatever the offender's standing with the scheme.
 */
export function decideDataProtection(command: DataProtectionCommand, state: OffenderState, today: IsoDate): OffenderEvent[] {
  switch (command.type) {
    case 'RestrictProcessing':
      if (state.restriction) throw new DomainError('OFFENDER.ALREADY_RESTRICTED');
      happened(command.data.restrictedOn, today, 'restrictedOn');
      return [{ type: 'ProcessingRestricted', data: command.data }];
    case 'LiftRestriction':
      if (!state.restriction) throw new DomainError('OFFENDER.NOT_RESTRICTED');
      happened(command.data.liftedOn, today, 'liftedOn');
      return [{ type: 'RestrictionLifted', data: command.data }];
    case 'ErasePersonalData':
      if (state.legalHold) throw new DomainError('OFFENDER.ON_LEGAL_HOLD');
      happened(command.data.erasedOn, today, 'erasedOn');
      return [{ type: 'PersonalDataErased', data: command.data }];
    case 'PlaceLegalHold':
      if (state.legalHold) throw new DomainError('OFFENDER.ALREADY_ON_LEGAL_HOLD');
      happened(command.data.placedOn, today, 'placedOn');
      return [{ type: 'LegalHoldPlaced', data: command.data }];
    case 'ReleaseLegalHold':
      if (!state.legalHold) throw new DomainError('OFFENDER.NOT_ON_LEGAL_HOLD');
      happened(command.data.releasedOn, today, 'releasedOn');
      return [{ type: 'LegalHoldReleased', data: command.data }];
    default: {
      const _: never = command;
      throw new Error(`Unknown command ${(_ as OffenderCommand).type}`);
    }
  }
}
