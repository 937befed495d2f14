import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvExport, ReportQueryDto } from '../../http/csv-export';
import { READ_MODEL_STORE, type ReadModelStore } from '../../store/read-model-store.port';
import { contactsDueReport, type ContactDue } from './contacts-due-report';

class ContactsDueQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  officer?: string;
}

type ContactsDueReport = { contacts: ContactDue[]; asOf: string };

@ApiTags('Reports')
@Controller('api/reports/contacts-due')
export class ContactsDueReportController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Contacts overdue or due within a week, soonest first' })
  @ApiQuery({ name: 'area', required: false })
  @ApiQuery({ name: 'officer', required: false })
  @ApiOkResponse({ description: 'One entry per offender' })
  @CsvExport<ContactsDueReport>('contacts-due.csv', ({ contacts, asOf }) => contacts.map((c) => ({ asOf, ...c })))
  report(@Query() query: ContactsDueQueryDto): Promise<ContactsDueReport> {
    return contactsDueReport(this.store, this.clock.today(), this.policies, query);
  }
}
