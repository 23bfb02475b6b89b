import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobName, JobProcessor, QueueName } from '@trta/queues';
import { LifecycleService } from '../lifecycle/lifecycle.service';

@Processor(QueueName.Activities)
export class ActivitiesProcessor extends JobProcessor {
  constructor(private readonly lifecycle: LifecycleService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ActivitiesClosePastDeadline]: () => this.lifecycle.closePastDeadline(),
  };
}
