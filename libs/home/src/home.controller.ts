import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@trta/http';
import { ApplicantHomeView, AuditorHomeView, FocalPointHomeView, HomeQueryDto, StaffHomeView } from './home.dto';
import { HomeService } from './home.service';

/**
 * The home page of each role, the first page after sign-in (issue 15, item 3): a few rows of
 * each list that needs the person, with how many there are in all (the rest on the list's page).
 */
@ApiTags('home')
@ApiBearerAuth()
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  /** Applications under way with their next step, evaluations due, certificates. */
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicantHomeView })
  @Get('applicant')
  applicant(@Query() query: HomeQueryDto, @CurrentUser() user: AuthUser): Promise<ApplicantHomeView> {
    return this.home.applicant(user, query.limit);
  }

  /** Nominations waiting, with the country's quota used and left per activity; the country's requests. */
  @Roles('focal_point')
  @ApiOkResponse({ type: FocalPointHomeView })
  @Get('focal-point')
  focalPoint(@Query() query: HomeQueryDto, @CurrentUser() user: AuthUser): Promise<FocalPointHomeView> {
    return this.home.focalPoint(user, query.limit);
  }

  /** Applications to review; activities needing action (deadline passed, sheet missing, no back-to-office report); requests. */
  @Roles('staff')
  @ApiOkResponse({ type: StaffHomeView })
  @Get('staff')
  staff(@Query() query: HomeQueryDto): Promise<StaffHomeView> {
    return this.home.staff(query.limit);
  }

  /** The audit reports, newest first. */
  @Roles('auditor')
  @ApiOkResponse({ type: AuditorHomeView })
  @Get('auditor')
  auditor(@Query() query: HomeQueryDto): Promise<AuditorHomeView> {
    return this.home.auditor(query.limit);
  }
}
