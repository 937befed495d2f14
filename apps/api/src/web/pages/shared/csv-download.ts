import { toCsv, type CsvSpec } from '@ppo/read-models';
import type { Response } from 'express';

/**
 * Sends a report as the API's own CSV of it (the same file name, columns and
 * rows; a header line even with no rows; cells a spreadsheet would run as
 * formulas written as text). Pages serve their CSV themselves because the API
 * takes bearer tokens only, never the browser's session.
 */
export function sendCsv<T>(response: Response, spec: CsvSpec<T>, report: T): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${spec.filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(toCsv(spec.toRows(report), spec.columns));
}
