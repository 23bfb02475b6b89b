import type { DataSource } from 'typeorm';
import type { AppConfig } from '@trta/config';
import { DomainException } from '@trta/http';
import { FilesService } from './files.service';

describe('FilesService', () => {
  it('refuses a file id that is not stored with FILE_NOT_FOUND', async () => {
    const dataSource = { manager: { query: async () => [] }, query: async () => [] } as unknown as DataSource;
    const files = new FilesService(dataSource, { UPLOAD_LIMIT_BYTES: 1024 } as AppConfig);
    const missing = '00000000-0000-0000-0000-000000000000';
    for (const read of [() => files.open(missing), () => files.info(missing)]) {
      const error = await read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({ code: 'FILE_NOT_FOUND', status: 404, params: { fileId: missing } });
    }
  });
});
