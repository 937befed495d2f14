import { Access, CurrentAccess, scopedAreas, seesRestricted, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { CONTACTS_DUE_CSV, contactsDueReport, type ContactsDueReport } from './contacts-due-report';

class ContactsDueQueryDto extends AreaReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  officer?: string;
}


@ApiTags('Reports')
@Controller('api/reports/contacts-due')
export class ContactsDueReportController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.cases')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Contacts overdue or due within a week, soonest first' })
  @ApiQuery({ name: 'area', required: false })
  @ApiQuery({ name: 'officer', required: false })
  @ApiOkResponse({ description: 'One entry per offender' })
  @CsvExport(CONTACTS_DUE_CSV)
  report(@Query() query: ContactsDueQueryDto, @CurrentAccess() access: RequestAccess): Promise<ContactsDueReport> {
    return contactsDueReport(this.reports.store, this.reports.today(), this.reports.policies, { officer: query.officer, areas: scopedAreas(access.scope, query.area), includeRestricted: seesRestricted(access.principal.roles) });
  }
}
