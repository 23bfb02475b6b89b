import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, Roles } from '@trta/http';
import { CreateUserDto, ListUsersQueryDto, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiCreatedResponse({ type: UserView })
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @ApiPageResponse(UserView)
  @Get()
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query);
  }
}
