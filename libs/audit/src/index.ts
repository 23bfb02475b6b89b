export * from './audit-data';
export * from './audit.module';
export * from './generation/audit-generator.service';
export * from './generation/audit-queries';
export * from './generation/audit-reports.processor';
export * from './reports/audit-reports.dto';
export * from './reports/audit-reports.service';
