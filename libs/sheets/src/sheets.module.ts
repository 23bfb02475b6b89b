import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivitiesModule, ActivityCloneParts } from '@trta/activities';
import { FilesModule } from '@trta/files';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { MaterialsController } from './materials/materials.controller';
import { MaterialsService } from './materials/materials.service';
import { CatalogueCalendarService } from './publications/catalogue-calendar.service';
import { PublicationsController } from './publications/publications.controller';
import { SheetPdfService } from './publications/sheet-pdf.service';
import { SheetsController } from './sheets/sheets.controller';
import { SheetsService } from './sheets/sheets.service';

/** Activity sheets, their materials and the public catalogue (issue 3). */
@Module({
  imports: [ActivitiesModule, FilesModule],
  controllers: [SheetsController, MaterialsController, CatalogueController, PublicationsController],
  providers: [SheetsService, MaterialsService, CatalogueService, SheetPdfService, CatalogueCalendarService],
  exports: [SheetsService],
})
export class SheetsModule implements OnModuleInit {
  constructor(
    private readonly cloneParts: ActivityCloneParts,
    private readonly sheets: SheetsService,
    private readonly materials: MaterialsService,
  ) {}

  /** A clone of an activity (POST /api/activities/:id/clone) takes over its sheet, then its materials. */
  onModuleInit(): void {
    this.cloneParts.register((manager, sourceId, cloneId, userId) => this.sheets.copyToClone(manager, sourceId, cloneId, userId));
    this.cloneParts.register((manager, sourceId, cloneId) => this.materials.copyToClone(manager, sourceId, cloneId));
  }
}
