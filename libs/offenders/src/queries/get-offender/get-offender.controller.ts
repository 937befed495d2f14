import { Access } from '@ppo/auth';
import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { GetOffenderQuery } from './get-offender.query';
import type { OffenderView } from './offender-view';

@ApiTags('Offenders')
@Controller('api/offenders/:offenderId')
export class GetOffenderController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Access('offender.read', { offenderParam: 'offenderId' })
  @ApiBearerAuth()
  @ApiOperation({ summary: "An offender's current state: strands, intensity, contacts a week, team, status, eligibility" })
  @ApiOkResponse({ description: 'The state, with its version in the body and the ETag' })
  @ApiResponse({ status: 404, description: 'No such offender' })
  async getOffender(@OffenderId() offenderId: string, @Res({ passthrough: true }) response: Response): Promise<OffenderView> {
    const view: OffenderView = await this.queryBus.execute(new GetOffenderQuery(offenderId));
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
