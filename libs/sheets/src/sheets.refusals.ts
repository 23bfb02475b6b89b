import { declareRefusals } from '@trta/http';

/** Refusals of activity sheets, their materials and the public catalogue. */
export const SheetRefusals = declareRefusals({
  SHEET_NOT_FOUND: 404,
  /** Materials are added once the activity has a sheet; write it first. */
  SHEET_REQUIRED: 409,
  /** The sheet's texts break the language rules; `params.problems` lists each. */
  SHEET_TEXTS_INVALID: 422,
  /** The sheet cannot be published yet: missing, or texts missing; `params.problems`. */
  SHEET_INCOMPLETE: 422,
  /** The activity's status does not allow publishing its sheet; `params`: { status, allowedFrom }. */
  SHEET_NOT_PUBLISHABLE: 409,
  MATERIAL_NOT_FOUND: 404,
  MATERIAL_FILE_NOT_FOUND: 404,
  /** The activity is not (or no longer) in the public catalogue. */
  NOT_IN_CATALOGUE: 404,
});
