import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RegisterOffenderCommand } from './register-offender.command';

@CommandHandler(RegisterOffenderCommand)
export class RegisterOffenderHandler implements ICommandHandler<RegisterOffenderCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RegisterOffenderCommand): Promise<CommandResult> {
    const { crn, pncId, givenName, familyName, dateOfBirth, area, registeredOn } = message.body;
    return this.runner.run(message, () => ({
      type: 'RegisterOffender',
      data: {
        offenderId: message.offenderId,
        area,
        registeredOn,
        personal: { crn, pncId, givenName, familyName, dateOfBirth },
      },
    }));
  }
}
