import { Module } from '@nestjs/common';

/** The secretariat's public publications: the year's activities and the TA Plan document (issue 7). */
@Module({})
export class PublicationsModule {}
