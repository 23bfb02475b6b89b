import { PickType } from '@nestjs/swagger';
import { CatalogueQueryDto } from '../catalogue/catalogue.dto';

/**
 * Filters of the calendar feed, validated as the catalogue validates them. `lang` keeps the
 * activities given in that language and writes their descriptions in it when the sheet has it.
 */
export class CatalogueCalendarQueryDto extends PickType(CatalogueQueryDto, ['region', 'topic', 'lang'] as const) {}
