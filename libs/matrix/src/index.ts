export * from './matrix.module';
export * from './matrix/products-matrix.dto';
export * from './matrix/products-matrix.service';
export * from './matrix/matrix-export';
export * from './matrix.refusals';
