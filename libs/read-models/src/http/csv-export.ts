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

interface CsvExportSpec {
  filename: string;
  toRows(body: any): Record<string, unknown>[];
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

/** CSV of rows, with a header line, RFC 4180 quoting and formula cells defused. */
export function toCsv(rows: Record<string, unknown>[]): string {
  return stringify(rows, {
    header: true,
    columns: rows.length ? Object.keys(rows[0]) : undefined,
    cast: {
      string: defuse,
      boolean: (v) => (v ? 'true' : 'false'),
      object: (v) => defuse(JSON.stringify(v)),
    },
  });
}

@Injectable()
class CsvExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<CsvExportSpec>(CSV_EXPORT, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const wantsCsv = request.query.format === 'csv' || (request.query.format === undefined && request.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!wantsCsv) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader('Content-Disposition', `attachment; filename="${spec.filename}"`);
        return toCsv(spec.toRows(body));
      }),
    );
  }
}

/** Offers a report as CSV too (`?format=csv` or `Accept: text/csv`), flattened to rows by `toRows`. */
export function CsvExport<T>(filename: string, toRows: (body: T) => Record<string, unknown>[]) {
  return applyDecorators(
    SetMetadata(CSV_EXPORT, { filename, toRows }),
    UseInterceptors(CsvExportInterceptor),
    ApiProduces('application/json', 'text/csv'),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] }),
  );
}
