/** Every BullMQ queue of the product. */
export enum QueueName {
  System = 'system',
  Notifications = 'notifications',
  Activities = 'activities',
  AuditReports = 'audit-reports',
  Files = 'files',
}
