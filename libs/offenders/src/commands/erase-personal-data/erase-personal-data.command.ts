import { OffenderCommandMessage } from '../../shared/command-context';
import type { ErasePersonalDataDto } from './erase-personal-data.dto';

/** Erase an offender's personal data: the message the CommandBus routes to ErasePersonalDataHandler. */
export class ErasePersonalDataCommand extends OffenderCommandMessage<ErasePersonalDataDto> {}
