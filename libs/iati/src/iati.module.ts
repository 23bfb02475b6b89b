import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller';
import { IatiService } from './iati.service';

/** The TA Plan published as IATI 2.03 activity XML (issue 3). */
@Module({
  controllers: [IatiController],
  providers: [IatiService],
  exports: [IatiService],
})
export class IatiModule {}
