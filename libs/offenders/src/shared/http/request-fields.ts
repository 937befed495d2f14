import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

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

/** A number within a range, to at most two decimal places. */
export function NumberField(description: string, min: number, max: number, options: FieldOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: Number, description, minimum: min, maximum: max, required: !options.optional, example: options.example }),
    ...optionality(options.optional),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
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
