import { declareRefusals } from '@trta/http';

/** Refusals of the person's own notifications in the app. */
export const NotificationRefusals = declareRefusals({
  /** No such notification among the caller's own (another person's is never revealed). */
  NOTIFICATION_NOT_FOUND: 404,
});
