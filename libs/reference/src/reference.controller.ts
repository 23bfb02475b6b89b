import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ApiListResponse, Public } from '@trta/http';
import { REGIONS } from './data/reference-data';
import { CountryView, PlsLevelView, ReferenceItemView, RegionView } from './reference.dto';
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

  @ApiListResponse(CountryView)
  @Get('countries')
  @Header('cache-control', 'public, max-age=3600')
  countries(@Query() query: CountriesQueryDto) {
    return this.reference.countries(query);
  }

  @ApiListResponse(RegionView)
  @Get('regions')
  @Header('cache-control', 'public, max-age=3600')
  regions() {
    return this.reference.list<RegionView>('regions', 'code, name, beneficiary');
  }

  @ApiListResponse(ReferenceItemView)
  @Get('divisions')
  @Header('cache-control', 'public, max-age=3600')
  divisions() {
    return this.reference.list<ReferenceItemView>('divisions', 'code, name');
  }

  @ApiListResponse(ReferenceItemView)
  @Get('topics')
  @Header('cache-control', 'public, max-age=3600')
  topics() {
    return this.reference.list<ReferenceItemView>('topics', 'code, name');
  }

  @ApiListResponse(ReferenceItemView)
  @Get('product-categories')
  @Header('cache-control', 'public, max-age=3600')
  productCategories() {
    return this.reference.list<ReferenceItemView>('product_categories', 'code, name');
  }

  @ApiListResponse(PlsLevelView)
  @Get('pls-levels')
  @Header('cache-control', 'public, max-age=3600')
  plsLevels() {
    return this.reference.list<PlsLevelView>('pls_levels', 'level, code, name', 'level');
  }
}
