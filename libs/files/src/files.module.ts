import { Module } from '@nestjs/common';
import { FilesService } from './files.service';

/** Uploaded files: size limit, type checked from the content, stored in PostgreSQL. */
@Module({
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}
