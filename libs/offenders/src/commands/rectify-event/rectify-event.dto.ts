import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { TextField } from '../../shared/http/request-fields';
import { RecordArrestDto } from '../record-arrest/record-arrest.dto';
import { RecordContactDto } from '../record-contact/record-contact.dto';
import { RecordConvictionDto } from '../record-conviction/record-conviction.dto';
import { RecordHarmIndicatorDto } from '../record-harm-indicator/record-harm-indicator.dto';
import { RecordLapseDto } from '../record-lapse/record-lapse.dto';

/**
 * Request body: the corrected version of an event, given as the fact it
 * records, in the same shape as the command that records such a fact. Exactly
 * one of conviction, arrest, harmIndicator, contact or lapse, of the same kind
 * as the event corrected.
 */
export class RectifyEventDto {
  @TextField('What was wrong (kept in the history, with who rectified it)', { maxLength: 2000, example: 'Wrong offence entered' })
  reason!: string;

  @ApiPropertyOptional({ type: RecordConvictionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordConvictionDto)
  conviction?: RecordConvictionDto;

  @ApiPropertyOptional({ type: RecordArrestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordArrestDto)
  arrest?: RecordArrestDto;

  @ApiPropertyOptional({ type: RecordHarmIndicatorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordHarmIndicatorDto)
  harmIndicator?: RecordHarmIndicatorDto;

  @ApiPropertyOptional({ type: RecordContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordContactDto)
  contact?: RecordContactDto;

  @ApiPropertyOptional({ type: RecordLapseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordLapseDto)
  lapse?: RecordLapseDto;
}
