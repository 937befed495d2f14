import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService, type ProjectionStatus } from '../../nest/projections.service';

@ApiTags('Operations')
@Controller('api/projections')
export class ProjectionStatusController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: 'Each projection: checkpoint, lag in events and seconds, and state (live, catching up, failed with the event and error)' })
  @ApiOkResponse({ description: 'One entry per projection' })
  async status(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.projections.statuses() };
  }
}
