export * from './publications.module';
export * from './publications.dto';
export * from './plan-document.service';
export * from './year-activities.service';
