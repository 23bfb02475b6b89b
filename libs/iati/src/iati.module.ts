import { Module } from '@nestjs/common';

/** The TA Plan published as IATI 2.03 activity XML (issue 3). */
@Module({})
export class IatiModule {}
