import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DESELECTION_REASONS, type DeselectionReason, type IsoDate } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** The exit plan agreed before deselection: what happens next, and the voluntary support arranged. */
export class ExitPlanDto {
  @TextField('The plan, agreed by the agencies', { maxLength: 4000 })
  summary!: string;

  @ApiProperty({ type: [String], description: 'Local services the offender will use voluntarily', example: ['Housing support'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'each voluntary support must not be blank' })
  @MaxLength(200, { each: true })
  voluntarySupport!: string[];
}

/** Request body: deselect the offender from the scheme, with an exit plan. */
export class DeselectOffenderDto {
  @DateField('When the offender was deselected')
  deselectedOn!: IsoDate;

  @EnumField(DESELECTION_REASONS, 'Why')
  reason!: DeselectionReason;

  @ApiProperty({ type: ExitPlanDto, required: false, description: 'Required unless the offender died' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitPlanDto)
  exitPlan?: ExitPlanDto;
}
