import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** The home page of each role (read-only summaries over other libraries' tables). */
@Module({ controllers: [HomeController], providers: [HomeService] })
export class HomeModule {}
