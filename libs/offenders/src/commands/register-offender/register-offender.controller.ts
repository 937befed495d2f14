import { Access } from '@ppo/auth';
import { Body, Controller, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { CommandResponseInterceptor } from '../../shared/http/command-response.interceptor';
import { RegisterOffenderCommand } from './register-offender.command';
import { RegisterOffenderDto } from './register-offender.dto';

/** Namespace for offender ids derived from an Idempotency-Key, so a retried registration finds its stream. */
const IDEMPOTENT_REGISTRATION_NAMESPACE = '6f4a1c1e-2b0d-4c55-9a57-5f0b8f3f0d11';

@ApiTags('Offender commands')
@Controller('api/offenders')
export class RegisterOffenderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Access('offender.command', { areaField: 'area' })
  @ApiBearerAuth()
  @HttpCode(201)
  @UseInterceptors(CommandResponseInterceptor)
  @ApiOperation({ summary: 'Register an offender' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first response' })
  @ApiCreatedResponse({ description: 'Registered: Location names the offender, the body has offenderId and version' })
  @ApiResponse({ status: 400, description: 'The request is malformed' })
  @ApiResponse({ status: 422, description: 'Impossible dates, or an Idempotency-Key reused for another request' })
  async registerOffender(
    @Body() body: RegisterOffenderDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    const offenderId = context.idempotencyKey
      ? uuidv5(`${context.actor.userId}\n${context.idempotencyKey}`, IDEMPOTENT_REGISTRATION_NAMESPACE)
      : randomUUID();
    const result: CommandResult = await this.commandBus.execute(new RegisterOffenderCommand(offenderId, body, context));
    response.location(`/api/offenders/${result.offenderId}`);
    return result;
  }
}
