import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { INTENSITIES, OFFENDER_STATUSES, STRANDS } from '@ppo/domain';
import { PageQueryDto } from '../../http/page-query.dto';
import { OFFENDER_SORTS } from './list-offenders';

const SORTS = Object.keys(OFFENDER_SORTS).flatMap((s) => [s, `-${s}`]);

/** Query string of GET /api/offenders. */
export class ListOffendersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STRANDS })
  @IsOptional()
  @IsIn(STRANDS)
  strand?: string;

  @ApiPropertyOptional({ enum: INTENSITIES })
  @IsOptional()
  @IsIn(INTENSITIES)
  intensity?: string;

  @ApiPropertyOptional({ description: 'Scheme area' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;

  @ApiPropertyOptional({ description: 'Probation or police officer on the team' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  officer?: string;

  @ApiPropertyOptional({ enum: OFFENDER_STATUSES })
  @IsOptional()
  @IsIn(OFFENDER_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Part of a CRN or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, description: 'Sort key; a leading "-" sorts descending' })
  @IsOptional()
  @IsIn(SORTS, { message: `sort must be one of: ${SORTS.join(', ')}` })
  sort?: string;
}
