import { Module } from '@nestjs/common';
import { ActivitiesModule } from '@trta/activities';
import { FilesModule } from '@trta/files';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { CloneController } from './clone/clone.controller';
import { CloneService } from './clone/clone.service';
import { MaterialsController } from './materials/materials.controller';
import { MaterialsService } from './materials/materials.service';
import { CatalogueCalendarService } from './publications/catalogue-calendar.service';
import { PublicationsController } from './publications/publications.controller';
import { SheetPdfService } from './publications/sheet-pdf.service';
import { SheetsController } from './sheets/sheets.controller';
import { SheetsService } from './sheets/sheets.service';

/** Activity sheets, their materials, the public catalogue and cloning (issue 3). */
@Module({
  imports: [ActivitiesModule, FilesModule],
  controllers: [SheetsController, MaterialsController, CatalogueController, CloneController, PublicationsController],
  providers: [SheetsService, MaterialsService, CatalogueService, CloneService, SheetPdfService, CatalogueCalendarService],
  exports: [SheetsService],
})
export class SheetsModule {}
