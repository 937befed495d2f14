import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationError, requestValidationErrorFactory, type FieldProblem } from './request-validation.error';

/** How deeply a request body may nest: far beyond any command's shape (three levels), far short of what validation can walk. */
export const MAX_BODY_DEPTH = 32;

/** Keys that reach an object's prototype when merged carelessly: never a field of any body. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is wrong with a parsed JSON body's shape before its class is even considered: nesting deeper than
 * MAX_BODY_DEPTH (the body itself is the first level), and prototype keys at any depth. Walked without recursion.
 */
export function bodyShapeProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_BODY_DEPTH) return [{ field: 'body', messages: [`The body is nested more than ${MAX_BODY_DEPTH} levels deep`] }];
    for (const [key, child] of Object.entries(value)) {
      const field = [...path, key].join('.');
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) problems.push({ field, messages: [`${field} is not a known field`] });
      else pending.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}

/**
 * The one validation pipe for every route: bodies become their DTO classes, unknown fields are refused, and every
 * problem is listed per field. Two things are refused before the class is considered. A body nested absurdly deep:
 * turning it into a class recurses once per level and would run out of stack (a 500). And `__proto__` or
 * `constructor` keys, which Nest's pipe and class-transformer drop silently (so a command carrying one went through)
 * where every other unknown field is refused.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: requestValidationErrorFactory });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = bodyShapeProblems(value);
      if (problems.length > 0) throw new RequestValidationError(problems);
    }
    return super.transform(value, metadata);
  }
}
