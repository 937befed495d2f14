import { toCsv } from '@ppo/read-models';
import type { Response } from 'express';

/**
 * Sends rows as a CSV download, with the API's own writer (a header line even
 * with no rows, RFC 4180 quoting, cells a spreadsheet would run as formulas
 * written as text). Pages serve their CSV themselves because the API takes
 * bearer tokens only, never the browser's session.
 */
export function sendCsv(response: Response, filename: string, columns: readonly string[], rows: Record<string, unknown>[]): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.send(toCsv(rows, columns));
}
