export * from './dashboard-access';
export * from './queue-dashboard';
export * from './session-cookie';
