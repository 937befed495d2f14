import { BadRequestException, type ValidationError } from '@nestjs/common';

/** One invalid field of a request body, by its dotted path. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/** The body failed validation; one entry per field. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super('The request body is not valid');
  }
}

/** Flattens class-validator's nested errors into dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, messages: Object.entries(error.constraints).map(([rule, message]) => (rule === 'whitelistValidation' ? `${field} is not a known field` : message)) }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: a RequestValidationError listing every field. */
export function requestValidationErrorFactory(errors: ValidationError[]): RequestValidationError {
  return new RequestValidationError(flattenValidationErrors(errors));
}
