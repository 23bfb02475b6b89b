import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, ApiPageResponse, Public, UuidPipe } from '@trta/http';
import { download } from '../materials/materials.controller';
import { MATERIAL_MEDIA_TYPES } from '../materials/materials.dto';
import { MaterialsService } from '../materials/materials.service';
import { CatalogueEntry, CatalogueItem, CatalogueLanguageDto, CatalogueQueryDto } from './catalogue.dto';
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

  @ApiPageResponse(CatalogueItem)
  @Get()
  list(@Query() query: CatalogueQueryDto) {
    return this.catalogue.list(query);
  }

  @ApiOkResponse({ type: CatalogueEntry })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @Query() query: CatalogueLanguageDto) {
    return this.catalogue.get(id, query.lang);
  }

  /** A material's file, while the sheet is published and the activity confirmed, open or closed; 404 otherwise. */
  @ApiFileResponse(...MATERIAL_MEDIA_TYPES)
  @Get(':id/materials/:materialId/file')
  async file(@Param('id', UuidPipe) id: string, @Param('materialId', UuidPipe) materialId: string) {
    return download(await this.materials.openPublicFile(id, materialId));
  }
}
