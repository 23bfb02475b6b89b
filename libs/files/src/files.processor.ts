import { Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobHandlers, JobName, JobProcessor, JobQueue, QueueName } from '@trta/queues';
import { FilesService } from './files.service';

export const REMOVE_UNATTACHED_SCHEDULER = 'files.remove-unattached.daily';

@Processor(QueueName.Files)
export class FilesProcessor extends JobProcessor {
  constructor(private readonly files: FilesService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.FilesRemoveUnattached]: async () => ({ removed: await this.files.removeUnattached() }),
  };
}

/** Registers, once per worker start (idempotent), the daily removal of uploads never attached. */
@Injectable()
export class FilesScheduler implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queue(QueueName.Files)
      .upsertJobScheduler(
        REMOVE_UNATTACHED_SCHEDULER,
        { pattern: '30 3 * * *' },
        { name: JobName.FilesRemoveUnattached, data: {}, opts: JOB_OPTIONS[JobName.FilesRemoveUnattached] },
      );
  }
}
