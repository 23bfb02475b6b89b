import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { SystemPingService } from './system-ping.service';
import { SystemController } from './system.controller';
import { SystemProcessor } from './system.processor';

/** Health and the ping round trip, on the API side. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, SystemController],
  providers: [SystemPingService],
})
export class SystemModule {}

/** The worker side: answers `system.ping`. */
@Module({ providers: [SystemProcessor], exports: [SystemProcessor] })
export class SystemWorkerModule {}
