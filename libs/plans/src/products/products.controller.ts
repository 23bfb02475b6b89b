import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, CurrentUser, PageQueryDto, Roles, SignedIn, type AuthUser, UuidPipe } from '@trta/http';
import { CreateProductDto, ProductView, UpdateProductDto } from './products.dto';
import { ProductsService } from './products.service';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans/:id/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @SignedIn()
  @ApiPageResponse(ProductView)
  @Get()
  list(@Param('id', UuidPipe) planId: string, @Query() query: PageQueryDto) {
    return this.products.list(planId, query);
  }

  @Roles('staff')
  @ApiCreatedResponse({ type: ProductView })
  @Post()
  create(@Param('id', UuidPipe) planId: string, @Body() dto: CreateProductDto, @CurrentUser() user: AuthUser) {
    return this.products.create(planId, dto, user);
  }

  @SignedIn()
  @ApiOkResponse({ type: ProductView })
  @Get(':productId')
  findOne(@Param('id', UuidPipe) planId: string, @Param('productId', UuidPipe) productId: string) {
    return this.products.findOne(planId, productId);
  }

  @Roles('staff')
  @ApiOkResponse({ type: ProductView })
  @Patch(':productId')
  update(
    @Param('id', UuidPipe) planId: string,
    @Param('productId', UuidPipe) productId: string,
    @Body() dto: UpdateProductDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.products.update(planId, productId, dto, user);
  }
}
