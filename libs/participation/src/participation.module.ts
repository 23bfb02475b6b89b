import { Module } from '@nestjs/common';

/** Participants registered by staff, attendance, certificates and evaluations (issue 4). */
@Module({})
export class ParticipationModule {}
