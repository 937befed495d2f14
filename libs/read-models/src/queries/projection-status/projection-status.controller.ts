import { Access } from '@ppo/auth';
import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionsService, type ProjectionStatus } from '../../nest/projections.service';

@ApiTags('Operations')
@Controller('api/projections')
export class ProjectionStatusController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Access('operations.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Each projection: checkpoint, lag in events and seconds, and state (live, catching up, failed with the event and error)' })
  @ApiOkResponse({ description: 'One entry per projection' })
  async status(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.projections.statuses() };
  }

  @Post(':name/rebuild')
  @Access('operations.run')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection without downtime: a shadow copy from position 0, compared with the live one and swapped in' })
  @ApiAcceptedResponse({ description: 'Started; follow it at GET /api/projections' })
  @ApiResponse({ status: 404, description: 'No such projection' })
  @ApiResponse({ status: 409, description: 'A rebuild is running, or projections run in another process' })
  rebuild(@Param('name') name: string, @Res({ passthrough: true }) response: Response): { projection: string; status: string } {
    this.projections.startRebuild(name);
    response.location('/api/projections');
    return { projection: name, status: 'rebuilding' };
  }
}
