import { Module } from '@nestjs/common';
import { FilesProcessor, FilesScheduler } from './files.processor';
import { FilesService } from './files.service';

/** Uploaded files: size limit, type checked from the content, stored in PostgreSQL, a quota per applicant. */
@Module({
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}

/** The worker side: removes, every day, uploads nothing refers to after UNATTACHED_FILE_DAYS. */
@Module({
  providers: [FilesService, FilesProcessor, FilesScheduler],
  exports: [FilesProcessor],
})
export class FilesWorkerModule {}
