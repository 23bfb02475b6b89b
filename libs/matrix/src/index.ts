export * from './matrix.module';
export * from './search/activity-search.dto';
export * from './search/activity-search.service';
export * from './matrix/products-matrix.dto';
export * from './matrix/products-matrix.service';
export * from './matrix/matrix-export';
export * from './import/activity-csv';
export * from './import/activity-import.service';
