import { BadRequestException, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RectifyEvent } from '@ppo/domain';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RectifyEventCommand } from './rectify-event.command';

/** The corrected fact as the command that records it (a lapse's new id is replaced by the original's in the domain). */
function correctionOf(body: RectifyEventCommand['body'], newId: () => string): RectifyEvent['data']['correction'] {
  const given = [
    body.conviction && ({ type: 'RecordConviction', data: body.conviction } as const),
    body.arrest && ({ type: 'RecordArrest', data: body.arrest } as const),
    body.harmIndicator && ({ type: 'RecordHarmIndicator', data: body.harmIndicator } as const),
    body.contact && ({ type: 'RecordContact', data: body.contact } as const),
    body.lapse && ({ type: 'RecordLapse', data: { ...body.lapse, lapseId: newId() } } as const),
  ].filter((c) => !!c);
  if (given.length !== 1) throw new BadRequestException('Give exactly one corrected fact: conviction, arrest, harmIndicator, contact or lapse');
  return given[0];
}

@CommandHandler(RectifyEventCommand)
export class RectifyEventHandler implements ICommandHandler<RectifyEventCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: RectifyEventCommand): Promise<CommandResult> {
    const { eventId, reason } = message.body;
    const correction = correctionOf(message.body, () => 'replaced-by-the-original-id');
    return this.runner.run(message, () => ({ type: 'RectifyEvent', data: { eventId, reason, rectifiedOn: this.clock.today(), correction } }));
  }
}
