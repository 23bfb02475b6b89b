import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles, UuidPipe } from '@trta/http';
import { matrixCsv, matrixXlsx } from './matrix-export';
import { MatrixQueryDto, ProductsMatrixView } from './products-matrix.dto';
import { ProductsMatrixService } from './products-matrix.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('ta-plans')
@ApiBearerAuth()
@Controller('ta-plans/:id/matrix')
export class ProductsMatrixController {
  constructor(private readonly matrix: ProductsMatrixService) {}

  /** JSON by default; `?format=csv` or `?format=xlsx` downloads `matrix-<plan code>.csv|xlsx`. */
  @Roles('staff', 'auditor')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiExtraModels(ProductsMatrixView)
  @ApiOkResponse({
    description: 'the matrix as JSON, or the file `?format=` asks for',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ProductsMatrixView) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @Get()
  async get(
    @Param('id', UuidPipe) planId: string,
    @Query() query: MatrixQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductsMatrixView | string | Buffer> {
    // The files always list every activity; JSON may leave them out.
    const matrix = await this.matrix.build(planId, { withActivities: query.format !== 'json' || query.activities });
    if (query.format === 'json') return matrix;
    const filename = `matrix-${matrix.plan.code.replace(/[^A-Za-z0-9._-]/g, '_')}.${query.format}`;
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
    if (query.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      return matrixCsv(matrix);
    }
    void reply.header('content-type', XLSX_TYPE);
    return matrixXlsx(matrix);
  }
}
