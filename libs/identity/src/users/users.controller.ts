import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, PageQueryDto, Roles, UuidPipe } from '@trta/http';
import { UserAdminService } from './user-admin.service';
import { ChangeUserDto, CreateUserDto, ListUsersQueryDto, ManagedUserView, UserHistoryView, UserView } from './users.dto';
import { UsersService } from './users.service';

/** User management, for admins: every change ends the person's sessions and is kept in the account's history. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdminService,
  ) {}

  @ApiCreatedResponse({ type: UserView })
  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() admin: AuthUser) {
    return this.users.create(dto, admin.id);
  }

  /** Search by part of the email or of an applicant's name; filter by role and status. */
  @ApiPageResponse(ManagedUserView)
  @Get()
  list(@Query() query: ListUsersQueryDto, @CurrentUser() admin: AuthUser) {
    return this.admin.list(query, admin.id);
  }

  @ApiOkResponse({ type: ManagedUserView })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.admin.get(id, admin.id);
  }

  /** Changes the role, or a focal point's country. */
  @ApiOkResponse({ type: ManagedUserView })
  @Patch(':id')
  change(@Param('id', UuidPipe) id: string, @Body() dto: ChangeUserDto, @CurrentUser() admin: AuthUser) {
    return this.admin.change(id, dto, admin.id);
  }

  @ApiOkResponse({ type: ManagedUserView })
  @HttpCode(200)
  @Post(':id/disable')
  disable(@Param('id', UuidPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.admin.setDisabled(id, true, admin.id);
  }

  @ApiOkResponse({ type: ManagedUserView })
  @HttpCode(200)
  @Post(':id/enable')
  enable(@Param('id', UuidPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.admin.setDisabled(id, false, admin.id);
  }

  /** Sends the person a reset link (to their address only; the admin never sees it). */
  @ApiOkResponse({ type: ManagedUserView })
  @HttpCode(200)
  @Post(':id/password-reset')
  sendReset(@Param('id', UuidPipe) id: string, @CurrentUser() admin: AuthUser) {
    return this.admin.sendReset(id, admin.id);
  }

  @ApiPageResponse(UserHistoryView)
  @Get(':id/history')
  history(@Param('id', UuidPipe) id: string, @Query() query: PageQueryDto) {
    return this.admin.history(id, query);
  }
}
