import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { attachmentDisposition, type OpenedFile } from '@trta/files';
import { ApiFileResponse, CurrentUser, Roles, type AuthUser, UuidPipe } from '@trta/http';
import { MaterialView } from '../sheets/sheets.dto';
import { MATERIAL_MEDIA_TYPES } from './materials.dto';
import { MaterialsService } from './materials.service';

/** A stored file as a download: its detected type, and an attachment disposition so browsers never render it inline. */
export function download(file: OpenedFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.mediaType,
    disposition: attachmentDisposition(file.filename),
    length: file.sizeBytes,
  });
}

@ApiTags('activity sheets')
@ApiBearerAuth()
@Controller('activities/:id/sheet/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  /**
   * A link as JSON `{ title, kind, url, language? }`, or a file as multipart/form-data with the
   * fields title, kind and language. The body is read by the service, which tells the two apart.
   */
  @Roles('staff')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiCreatedResponse({ type: MaterialView })
  @Post()
  add(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.materials.add(id, request, body, user);
  }

  @Roles('staff')
  @HttpCode(204)
  @ApiNoContentResponse()
  @Delete(':materialId')
  async remove(
    @Param('id', UuidPipe) id: string,
    @Param('materialId', UuidPipe) materialId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.materials.remove(id, materialId, user);
  }

  @Roles('staff', 'auditor')
  @ApiFileResponse(...MATERIAL_MEDIA_TYPES)
  @Get(':materialId/file')
  async file(@Param('id', UuidPipe) id: string, @Param('materialId', UuidPipe) materialId: string) {
    return download(await this.materials.openFile(id, materialId));
  }
}
