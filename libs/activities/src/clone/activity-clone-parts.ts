import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Copies what one library keeps of an activity into its clone, inside the clone's transaction. */
export type ActivityClonePart = (manager: EntityManager, sourceId: string, cloneId: string, userId: string) => Promise<void>;

/**
 * The parts of an activity that other libraries own (the sheet and its materials) and a clone
 * takes over. Those libraries import activities, so activities cannot call them: they register
 * their part here when their module starts, and a clone runs the parts in registration order.
 */
@Injectable()
export class ActivityCloneParts {
  private readonly parts: ActivityClonePart[] = [];

  register(part: ActivityClonePart): void {
    this.parts.push(part);
  }

  async copy(manager: EntityManager, sourceId: string, cloneId: string, userId: string): Promise<void> {
    for (const part of this.parts) await part(manager, sourceId, cloneId, userId);
  }
}
