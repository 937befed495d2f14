import { Access, CurrentAccess, scopedAreas, seesRestricted, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, IntersectionType } from '@nestjs/swagger';
import type { Request } from 'express';
import { CsvExport, wantsCsv } from '../../http/csv-export';
import { PageQueryDto } from '../../http/page-query.dto';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { RETENTION_REVIEW_CSV, retentionReview, type RetentionReview } from './retention-review';

/** Query string of GET /api/reports/retention-review: an area, and a page of the records due. */
class RetentionReviewQueryDto extends IntersectionType(AreaReportQueryDto, PageQueryDto) {}

@ApiTags('Reports')
@Controller('api/reports/retention-review')
export class RetentionReviewController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('retention.review')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Deselected offenders whose area’s retention period has run out: due for review (paged, oldest due first), and those a legal hold keeps, apart',
  })
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ description: 'The records due and the records held; as CSV, every record of both' })
  @CsvExport(RETENTION_REVIEW_CSV)
  report(@Query() query: RetentionReviewQueryDto, @Req() request: Request, @CurrentAccess() access: RequestAccess): Promise<RetentionReview> {
    const csv = wantsCsv(request);
    return retentionReview(this.reports.store, this.reports.today(), this.reports.policies, {
      areas: scopedAreas(access.scope, query.area),
      includeRestricted: seesRestricted(access.principal.roles),
      // A download is the whole list, not the page on screen.
      page: csv ? 1 : query.page,
      pageSize: csv ? undefined : (query.pageSize ?? 25),
    });
  }
}
