export * from './country.entity';
export * from './data/country-classification';
export * from './data/reference-data';
export * from './reference-lists.entity';
export * from './reference.module';
export * from './reference.service';
export * from './reference.dto';
