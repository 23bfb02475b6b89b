/**
 * Response bodies the web app reads. The OpenAPI document types every request (schema.d.ts) but
 * the controllers do not declare their response types yet; these mirror the services' views
 * (named beside each) until they do, then they become `components['schemas'][...]`.
 */
import type { components } from './schema';

export type Language = 'en' | 'fr' | 'es';
export type Role = 'admin' | 'staff' | 'auditor' | 'focal_point' | 'applicant';
export type ActivityType = NonNullable<components['schemas']['CreateActivityDto']['type']>;
export type DeliveryMode = NonNullable<components['schemas']['CreateActivityDto']['deliveryMode']>;
export type RegisterBody = components['schemas']['RegisterDto'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** libs/identity users.dto.ts UserView */
export interface User {
  id: string;
  email: string;
  role: Role;
  country: string | null;
  locale: Language;
  createdAt: string;
}

/** libs/reference reference.service.ts */
export interface Country {
  code: string;
  alpha2: string;
  name: string;
  names?: Partial<Record<Language, string>>;
  region: string;
  ldc: boolean;
}

export interface ReferenceItem {
  code: string;
  name: string;
}

/** libs/sheets catalogue.dto.ts CatalogueItem */
export interface CatalogueItem {
  id: string;
  code: string;
  title: string;
  type: ActivityType;
  deliveryMode: DeliveryMode;
  plsLevel: number | null;
  languages: Language[];
  topics: string[];
  leadDivision: string;
  beneficiaryCountries: string[];
  region: string | null;
  startDate: string | null;
  endDate: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  capacity: number;
  applicationDeadline: string | null;
  requiresNomination: boolean;
  partners: string[];
  status: string;
  servedLanguage: Language;
  objectives: string | null;
  targetAudience: string | null;
}

/** libs/sheets catalogue.dto.ts CatalogueEntry */
export interface CatalogueEntry extends CatalogueItem {
  applicationRequirements: string | null;
  programme: string | null;
  requiredDocuments: string[];
  materials: {
    id: string;
    title: string;
    kind: string;
    language: string | null;
    url: string | null;
    downloadUrl: string | null;
  }[];
}

/** libs/participation certificates.service.ts CertificateVerification */
export interface CertificateVerification {
  code: string;
  participant: string | null;
  activity: { code: string; title: string; startDate: string | null; endDate: string | null };
  completedAt: string;
}
