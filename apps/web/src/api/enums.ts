import type { Schemas } from './types';

/**
 * The values of the OpenAPI document's enums, in the order filters and forms offer them (the
 * document gives their types, not lists a page can map over). `valuesOf<Enum>()([...])` is a type
 * error when the list names a value the enum lacks, or leaves out one it has (one the API added:
 * list it here, and translate it).
 */
function valuesOf<Enum extends string>() {
  return <const List extends readonly Enum[]>(list: List & ([Exclude<Enum, List[number]>] extends [never] ? unknown : { missing: Exclude<Enum, List[number]> })) =>
    list as List;
}

export const ACTIVITY_STATUSES = valuesOf<Schemas['ActivityStatus']>()(['planned', 'confirmed', 'open', 'closed', 'delivered', 'cancelled', 'postponed']);
export const APPLICATION_STATUSES = valuesOf<Schemas['ApplicationStatus']>()([
  'submitted',
  'endorsed',
  'declined',
  'selected',
  'waitlisted',
  'rejected',
  'withdrawn',
  'attended',
  'completed',
  'no_show',
]);
export const REQUEST_STATUSES = valuesOf<Schemas['RequestStatus']>()(['submitted', 'under_review', 'approved', 'rejected', 'withdrawn']);
export const REQUIRED_DOCUMENTS = valuesOf<Schemas['RequiredDocument']>()(['cv', 'passport', 'nomination_letter', 'motivation_letter', 'other']);
export const OBJECTIVES_MET = valuesOf<Schemas['ObjectivesMet']>()(['fully', 'partly', 'not']);
export const GENDERS = valuesOf<Schemas['Gender']>()(['female', 'male', 'other', 'undisclosed']);
export const INSTITUTION_TYPES = valuesOf<Schemas['InstitutionType']>()([
  'government',
  'permanent_mission',
  'parliament',
  'academia',
  'private_sector',
  'civil_society',
  'media',
  'international_org',
  'other',
]);
