import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@trta/http';
import { download } from '../materials/materials.controller';
import { MaterialsService } from '../materials/materials.service';
import { CatalogueLanguageDto, CatalogueQueryDto } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

/** The public catalogue: published activities open for applications, in `?lang=en|fr|es`. */
@ApiTags('catalogue')
@Public()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly materials: MaterialsService,
  ) {}

  @Get()
  list(@Query() query: CatalogueQueryDto) {
    return this.catalogue.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: CatalogueLanguageDto) {
    return this.catalogue.get(id, query.lang);
  }

  /** A material's file, while the sheet is published and the activity confirmed, open or closed; 404 otherwise. */
  @Get(':id/materials/:materialId/file')
  async file(@Param('id', ParseUUIDPipe) id: string, @Param('materialId', ParseUUIDPipe) materialId: string) {
    return download(await this.materials.openPublicFile(id, materialId));
  }
}
