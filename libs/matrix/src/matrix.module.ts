import { Module } from '@nestjs/common';
import { ActivitiesModule } from '@trta/activities';
import { ActivityImportController } from './import/activity-import.controller';
import { ActivityImportService } from './import/activity-import.service';
import { ProductsMatrixController } from './matrix/products-matrix.controller';
import { ProductsMatrixService } from './matrix/products-matrix.service';
import { ActivitySearchController } from './search/activity-search.controller';
import { ActivitySearchService } from './search/activity-search.service';

/** Activity search, the products matrix and its exports, and CSV import of planned activities (issue 3). */
@Module({
  imports: [ActivitiesModule],
  controllers: [ActivitySearchController, ProductsMatrixController, ActivityImportController],
  providers: [ActivitySearchService, ProductsMatrixService, ActivityImportService],
  exports: [ActivitySearchService, ProductsMatrixService],
})
export class MatrixModule {}
