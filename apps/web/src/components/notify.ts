import { notifications } from '@mantine/notifications';

/** A success message in the corner, whose close button is labelled. */
export function notifySuccess(message: string, closeLabel: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': closeLabel } });
}
