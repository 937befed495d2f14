import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { buildMessage, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

type FieldOptions = { optional?: boolean; example?: unknown };

const optionality = (optional?: boolean) => (optional ? [IsOptional()] : []);

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function DateField(description: string, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date', description, required: !options.optional, example: options.example ?? '2026-11-02' }),
    ...optionality(options.optional),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date in the form YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}

/** One of a fixed list of kebab-case words. */
export function EnumField(values: readonly string[], description: string, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ enum: values, description, required: !options.optional, example: options.example ?? values[0] }),
    ...optionality(options.optional),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** Free text that is not blank, up to a length. */
export function TextField(description: string, options: FieldOptions & { maxLength?: number } = {}) {
  const maxLength = options.maxLength ?? 200;
  return applyDecorators(
    ApiProperty({ type: String, description, required: !options.optional, maxLength, example: options.example }),
    ...optionality(options.optional),
    IsString(),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(maxLength),
  );
}

/**
 * At most two decimal places. Not class-validator's IsNumber({ maxDecimalPlaces }), which reads the places from
 * the number's text and throws on one written with an exponent (1e-7), answering 500 instead of 400.
 */
function AtMostTwoDecimalPlaces() {
  return ValidateBy({
    name: 'atMostTwoDecimalPlaces',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number(value.toFixed(2)) === value,
      defaultMessage: buildMessage((each) => `${each}$property must have at most two decimal places`),
    },
  });
}

/** A number within a range, to at most two decimal places. */
export function NumberField(description: string, min: number, max: number, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: Number, description, minimum: min, maximum: max, required: !options.optional, example: options.example }),
    ...optionality(options.optional),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    AtMostTwoDecimalPlaces(),
    Min(min),
    Max(max),
  );
}

/** A UUID referring to something already recorded (a lapse, a fast-track). */
export function UuidField(description: string, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'uuid', description, required: !options.optional }),
    ...optionality(options.optional),
    IsUUID(undefined, { message: '$property must be a UUID' }),
  );
}

/** A whole number within a range. */
export function IntegerField(description: string, min: number, max: number, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: Number, description, minimum: min, maximum: max, required: !options.optional, example: options.example }),
    ...optionality(options.optional),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** true or false. */
export function BooleanField(description: string, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: Boolean, description, required: !options.optional }),
    ...optionality(options.optional),
    IsBoolean(),
  );
}
