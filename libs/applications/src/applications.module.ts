import { Module } from '@nestjs/common';

/** Applicant profiles, participation forms, nominations and selection (issue 4). */
@Module({})
export class ApplicationsModule {}
