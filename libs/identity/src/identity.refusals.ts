import { declareRefusals } from '@trta/http';

/** Refusals of sign-in, accounts and account claims. */
export const IdentityRefusals = declareRefusals({
  USER_NOT_FOUND: 404,
  UNKNOWN_COUNTRY: 400,
  CLAIM_TOKEN_INVALID: 400,
  CLAIM_TOKEN_EXPIRED: 400,
  WRONG_CREDENTIALS: 401,
  TOO_MANY_SIGN_IN_ATTEMPTS: 429,
  /** params.reason: common, repetitive, sequence, personal or guessable. */
  PASSWORD_TOO_WEAK: 400,
  /** The current password given to change it is not the account's. */
  CURRENT_PASSWORD_WRONG: 400,
  /** A verification or reset link that is unknown, used already or expired (params.reason). */
  ACCOUNT_LINK_INVALID: 400,
  ACCOUNT_DISABLED: 403,
  /** Too many reset links asked for one email or from one address: try later. */
  TOO_MANY_RESET_REQUESTS: 429,
  /** An admin cannot disable, demote or move themselves. */
  OWN_ACCOUNT_CHANGE: 409,
  /** A focal point needs a country; other roles have none. */
  FOCAL_POINT_COUNTRY_REQUIRED: 400,
});
