import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobName, JobProcessor, QueueName } from '@trta/queues';

@Processor(QueueName.System)
export class SystemProcessor extends JobProcessor {
  readonly handlers: JobHandlers = {
    [JobName.SystemPing]: async (job) => ({
      pong: true,
      nonce: job.data.nonce,
      receivedAt: new Date().toISOString(),
      workerPid: process.pid,
    }),
  };
}
