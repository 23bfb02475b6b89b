export * from './requests.module';
export * from './national-request.entity';
export * from './request-status';
export * from './requests.dto';
export * from './requests.service';
export * from './decisions.service';
