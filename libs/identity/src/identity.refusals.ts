import { declareRefusals } from '@trta/http';

/** Refusals of sign-in, accounts and account claims. */
export const IdentityRefusals = declareRefusals({
  USER_NOT_FOUND: 404,
  UNKNOWN_COUNTRY: 400,
  CLAIM_TOKEN_INVALID: 400,
  CLAIM_TOKEN_EXPIRED: 400,
  WRONG_CREDENTIALS: 401,
  TOO_MANY_SIGN_IN_ATTEMPTS: 429,
});
