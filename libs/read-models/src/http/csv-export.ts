import { collectOffenderIds, noteSubjects } from '@ppo/auth';
import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

const CSV_EXPORT = Symbol('CSV_EXPORT');

/** A report as CSV: the download's file name, its columns, and the rows made from the report's body. */
export interface CsvSpec<T> {
  filename: string;
  columns: readonly string[];
  toRows(body: T): Record<string, unknown>[];
}

/** Query string shared by every report: `?format=csv` asks for CSV as `Accept: text/csv` does. */
export class ReportQueryDto {
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** A cell a spreadsheet would run as a formula is written as text. */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV of rows, with a header line (even when there are no rows), RFC 4180 quoting and formula cells defused. */
export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    cast: {
      string: defuse,
      boolean: (v) => (v ? 'true' : 'false'),
      object: (v) => defuse(JSON.stringify(v)),
    },
  });
}

/** Whether a report goes out as CSV: `?format=csv`, or `Accept: text/csv` with no format given. */
export function wantsCsv(request: Request): boolean {
  return request.query.format === 'csv' || (request.query.format === undefined && request.accepts(['application/json', 'text/csv']) === 'text/csv');
}

@Injectable()
class CsvExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<CsvSpec<unknown>>(CSV_EXPORT, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    if (!wantsCsv(request)) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        // The access log reads subjects from the body, which is about to become text.
        noteSubjects(request, collectOffenderIds(body));
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader('Content-Disposition', `attachment; filename="${spec.filename}"`);
        return toCsv(spec.toRows(body), spec.columns);
      }),
    );
  }
}

/** Offers a report as CSV too (`?format=csv` or `Accept: text/csv`): these columns, from rows made by `toRows`. */
export function CsvExport<T>(spec: CsvSpec<T>) {
  return applyDecorators(
    SetMetadata(CSV_EXPORT, spec),
    UseInterceptors(CsvExportInterceptor),
    ApiProduces('application/json', 'text/csv'),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] }),
  );
}
