export * from './requests.module';
export * from './national-request.entity';
export * from './request.policy';
export * from './requests.refusals';
export * from './requests.dto';
export * from './requests.service';
export * from './decisions.service';
