export * from './files.module';
export * from './files.service';
export * from './media-types';
export * from './stored-file.entity';
export * from './csv-upload';
export * from './files.refusals';
export * from './files.processor';
