import { Module } from '@nestjs/common';

/** Activity sheets, their materials, the public catalogue and cloning (issue 3). */
@Module({})
export class SheetsModule {}
