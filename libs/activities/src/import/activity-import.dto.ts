import { ApiProperty } from '@nestjs/swagger';

/** An activity the import created, and the CSV row it came from. */
export class ImportedActivityView {
  @ApiProperty({ description: 'the spreadsheet row: the header is row 1, the first data row is row 2' })
  row!: number;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TA-2026-0042' })
  code!: string;
}

/** What a CSV import created: every row, or nothing (a 422 then). */
export class ActivityImportView {
  @ApiProperty()
  created!: number;

  @ApiProperty({ type: [ImportedActivityView], description: 'in the order of the file' })
  activities!: ImportedActivityView[];
}
