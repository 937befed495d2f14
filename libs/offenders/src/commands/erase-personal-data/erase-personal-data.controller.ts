import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import type { CommandContext } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { ErasePersonalDataCommand } from './erase-personal-data.command';
import { ErasePersonalDataDto } from './erase-personal-data.dto';
import type { ErasureReceipt } from './erasure-receipt';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

@Controller('api/offenders/:offenderId/erasure')
export class ErasePersonalDataController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Access('personal-data.erase', { offenderParam: 'offenderId' })
  @ApiBearerAuth()
  @ApiTags('Data protection')
  @ApiOperation({
    summary:
      "Erase the offender's personal data (the DPO, DPA 2018 s.47): their data key is destroyed, PersonalDataErased is recorded, read models are purged; returns a receipt. Repeating it returns the receipt again.",
  })
  @ApiParam({ name: 'offenderId', format: 'uuid' })
  @ApiOkResponse({ description: 'The receipt: what, when, by whom, and the log position' })
  @ApiResponse({ status: 409, description: 'A legal hold is in place', content: problem })
  erase(@OffenderId() offenderId: string, @Body() body: ErasePersonalDataDto, @RequestCommandContext() context: CommandContext): Promise<ErasureReceipt> {
    return this.commandBus.execute(new ErasePersonalDataCommand(offenderId, body, context));
  }
}
