import { Access } from '@ppo/auth';
import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import type { OffenderEventsView } from './get-offender-events.handler';
import { GetOffenderEventsQuery } from './get-offender-events.query';

@ApiTags('Offenders')
@Controller('api/offenders/:offenderId/events')
export class GetOffenderEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Access('offender.read', { offenderParam: 'offenderId' })
  @ApiBearerAuth()
  @ApiOperation({ summary: "An offender's stream: every event with its envelope (versions, positions, when, who)" })
  @ApiOkResponse({ description: 'The events, oldest first' })
  @ApiResponse({ status: 404, description: 'No such offender' })
  async getOffenderEvents(@OffenderId() offenderId: string, @Res({ passthrough: true }) response: Response): Promise<OffenderEventsView> {
    const view: OffenderEventsView = await this.queryBus.execute(new GetOffenderEventsQuery(offenderId));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
