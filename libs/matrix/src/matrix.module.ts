import { Module } from '@nestjs/common';
import { ProductsMatrixController } from './matrix/products-matrix.controller';
import { ProductsMatrixService } from './matrix/products-matrix.service';

/** The products matrix of a TA Plan and its exports (issue 3). */
@Module({
  controllers: [ProductsMatrixController],
  providers: [ProductsMatrixService],
  exports: [ProductsMatrixService],
})
export class MatrixModule {}
