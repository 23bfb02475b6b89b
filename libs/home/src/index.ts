export * from './home.module';
export * from './home.dto';
export * from './home.service';
export * from './next-step';
