import { Module } from '@nestjs/common';

/** Activity search, the products matrix and its exports, and CSV import of planned activities (issue 3). */
@Module({})
export class MatrixModule {}
