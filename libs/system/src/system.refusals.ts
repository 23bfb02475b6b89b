import { declareRefusals } from '@trta/http';

/** Refusals of the system routes. */
export const SystemRefusals = declareRefusals({
  /** No queue worker answered in time: the API is up, the background jobs are not running. */
  NO_WORKER_ANSWERED: 503,
});
