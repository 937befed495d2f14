import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import type { Request } from 'express';
import { noteDisclosure } from '../access-log/access-log-notes';
import { SubjectAccessExporter, type SubjectAccessExport } from './subject-access-exporter';

@ApiTags('Audit')
@Controller('api/offenders/:offenderId/subject-access-export')
export class SubjectAccessController {
  constructor(private readonly exporter: SubjectAccessExporter) {}

  @Get()
  @Access('subject.access', { offenderParam: 'offenderId' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A subject access export (DPO): the stream, every read model’s rows and the access log about one person; logged as a disclosure' })
  @ApiOkResponse({ description: 'Everything held about them' })
  async export(@Param('offenderId', new ParseUUIDPipe({ version: undefined })) offenderId: string, @Req() request: Request): Promise<SubjectAccessExport> {
    const data = await this.exporter.export(offenderId);
    // A copy of everything is made to be handed over, recipient named (X-Disclosure-Recipient) or not.
    noteDisclosure(request);
    return data;
  }
}
