import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { FastTrackToCourtCommand } from './fast-track-to-court.command';

@CommandHandler(FastTrackToCourtCommand)
export class FastTrackToCourtHandler implements ICommandHandler<FastTrackToCourtCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: FastTrackToCourtCommand): Promise<CommandResult> {
    return this.runner.run(message, (newId) => ({ type: 'FastTrackToCourt', data: { ...message.body, fastTrackId: newId() } }));
  }
}
