export * from './identity.module';
export * from './users/admin-bootstrap.service';
export * from './users/applicant-profile.entity';
export * from './users/user.entity';
export * from './users/users.dto';
export * from './users/users.service';
export * from './claim/claim-tokens';
export * from './auth/auth.dto';
