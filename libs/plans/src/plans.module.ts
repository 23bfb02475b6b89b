import { Module } from '@nestjs/common';

/** TA Plans, their results framework and products (issue 3). */
@Module({})
export class PlansModule {}
