import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Erases what one library keeps about an applicant who deletes their account, inside the erasure's transaction. */
export type ApplicantErasureStep = (manager: EntityManager, applicantId: string) => Promise<void>;

/**
 * The erasure steps of libraries that import applications (participation's evaluations), which
 * applications therefore cannot call: they register here when their module starts, and the
 * erasure runs them in registration order.
 */
@Injectable()
export class ApplicantErasureSteps {
  private readonly steps: ApplicantErasureStep[] = [];

  register(step: ApplicantErasureStep): void {
    this.steps.push(step);
  }

  async run(manager: EntityManager, applicantId: string): Promise<void> {
    for (const step of this.steps) await step(manager, applicantId);
  }
}
