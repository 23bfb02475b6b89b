export * from './applications.module';
export * from './application.entity';
export * from './application-status';
export * from './application-queries';
export * from './applications.dto';
export * from './applications.service';
export * from './decisions.service';
export * from './profile.service';
