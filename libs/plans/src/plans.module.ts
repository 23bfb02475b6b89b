import { Module } from '@nestjs/common';
import { KeyResultsController } from './key-results/key-results.controller';
import { KeyResultsService } from './key-results/key-results.service';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';

/** TA Plans, their results framework and products (issue 3). */
@Module({
  controllers: [PlansController, ProductsController, KeyResultsController],
  providers: [PlansService, ProductsService, KeyResultsService],
  exports: [PlansService, ProductsService, KeyResultsService],
})
export class PlansModule {}
