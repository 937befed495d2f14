import type { Request } from 'express';

/** A query-string value as one trimmed string, or undefined when absent, empty or repeated oddly. */
export function queryValue(request: Request, name: string): string | undefined {
  const raw = request.query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 200);
}

/** A query-string value if it is one of `allowed`, otherwise undefined (a hand-edited address falls back to the default). */
export function queryChoice<T extends string>(request: Request, name: string, allowed: readonly T[]): T | undefined {
  const value = queryValue(request, name);
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A whole number of at least 1 from the query string, or undefined. */
export function queryPage(request: Request, name = 'page'): number | undefined {
  const value = queryValue(request, name);
  return value !== undefined && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

/** Whether the page was asked for as CSV (`?format=csv`). */
export function wantsCsv(request: Request): boolean {
  return queryValue(request, 'format') === 'csv';
}

/** A link to `path` with these query parameters, leaving out empty ones. */
export function hrefWith(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
