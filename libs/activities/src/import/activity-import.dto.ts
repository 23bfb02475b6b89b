import { ApiProperty } from '@nestjs/swagger';
import type { RefusalParams } from '@trta/http';

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

/** A problem of a row: the column it is about, a stable code to translate, its params and an English sentence. */
export class ImportRowProblemView {
  @ApiProperty({ type: String, nullable: true, description: 'a column of the file, or null for the row as a whole' })
  field!: string | null;

  @ApiProperty({
    description:
      'a validation constraint (IS_DEFINED, IS_IN, IS_INT, MIN, MATCHES, ...), a refusal of POST /api/activities (PRODUCT_NOT_IN_PLAN, REFERENCE_CODES_UNKNOWN, ACTIVITY_RULES_BROKEN) or ROW_LENGTH_MISMATCH',
    example: 'IS_IN',
  })
  code!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the constraint's arguments, e.g. { values: [...] }" })
  params!: RefusalParams;

  @ApiProperty({ description: 'an English sentence for API users' })
  problem!: string;
}

/** A row of the checked file. */
export class ImportCheckRowView {
  @ApiProperty({ description: 'the spreadsheet row: the header is row 1, the first data row is row 2' })
  row!: number;

  @ApiProperty({ type: String, nullable: true })
  productCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: [ImportRowProblemView], description: 'empty when the row would be imported' })
  problems!: ImportRowProblemView[];
}

/** What an import of the file would do, nothing saved: every row with its problems. */
export class ActivityImportCheckView {
  @ApiProperty()
  rowCount!: number;

  @ApiProperty()
  validRows!: number;

  @ApiProperty({ description: 'the import takes the file only when this is 0' })
  invalidRows!: number;

  @ApiProperty({ type: [ImportCheckRowView], description: 'in the order of the file' })
  rows!: ImportCheckRowView[];
}
