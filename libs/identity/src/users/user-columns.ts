import { selectList, type FieldMap } from '@trta/database';
import type { ApplicantProfileDto, UserView } from './users.dto';

/**
 * The one field map per table of identity: each View field and its column. Every SELECT list,
 * RETURNING and INSERT column list of users and applicant_profiles is built from these, so a
 * field renamed in a View fails the type check here.
 */
export const USER_FIELDS: FieldMap<UserView> = {
  id: 'id',
  email: 'email',
  role: 'role',
  country: 'country',
  locale: 'locale',
  createdAt: 'created_at',
  // Expressions that start with their column, so that an alias prefix (`u.`) still qualifies it.
  emailVerified: 'email_verified_at IS NOT NULL',
  disabled: 'disabled_at IS NOT NULL',
};

export const APPLICANT_PROFILE_FIELDS: FieldMap<ApplicantProfileDto> = {
  fullName: 'full_name',
  gender: 'gender',
  nationality: 'nationality',
  country: 'country',
  institutionType: 'institution_type',
  institution: 'institution',
  position: 'position',
  languages: 'languages',
};

/** A user as UserView shows it, for `RETURNING` of an INSERT or UPDATE of users. */
export const USER_RETURNING = selectList(USER_FIELDS);

/** The applicant profile as its owner sees it: the fields they write and when they last did. */
export type ApplicantProfileRow = ApplicantProfileDto & { updatedAt: Date };

export const APPLICANT_PROFILE_ROW_FIELDS: FieldMap<ApplicantProfileRow> = { ...APPLICANT_PROFILE_FIELDS, updatedAt: 'updated_at' };

/** The applicant profile as its owner sees it (`p` is applicant_profiles). */
export const APPLICANT_PROFILE_COLUMNS = selectList(APPLICANT_PROFILE_ROW_FIELDS, 'p');
