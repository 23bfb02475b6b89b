import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Public } from '@trta/http';
import { REGIONS } from './data/reference-data';
import { ReferenceService } from './reference.service';

export class CountriesQueryDto {
  @ApiPropertyOptional({ enum: REGIONS.map((region) => region.code) })
  @IsOptional()
  @IsIn(REGIONS.map((region) => region.code))
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'ldc must be true or false' })
  ldc?: boolean;
}

@ApiTags('reference')
@Public()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('countries')
  @Header('cache-control', 'public, max-age=3600')
  countries(@Query() query: CountriesQueryDto) {
    return this.reference.countries(query);
  }

  @Get('regions')
  @Header('cache-control', 'public, max-age=3600')
  regions() {
    return this.reference.list('regions', 'code, name, beneficiary');
  }

  @Get('divisions')
  @Header('cache-control', 'public, max-age=3600')
  divisions() {
    return this.reference.list('divisions', 'code, name');
  }

  @Get('topics')
  @Header('cache-control', 'public, max-age=3600')
  topics() {
    return this.reference.list('topics', 'code, name');
  }

  @Get('product-categories')
  @Header('cache-control', 'public, max-age=3600')
  productCategories() {
    return this.reference.list('product_categories', 'code, name');
  }

  @Get('pls-levels')
  @Header('cache-control', 'public, max-age=3600')
  plsLevels() {
    return this.reference.list('pls_levels', 'level, code, name', 'level');
  }
}
