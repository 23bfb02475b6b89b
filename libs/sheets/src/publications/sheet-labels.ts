import type { ActivityLanguage, DeliveryMode } from '@trta/activities';
import type { RequiredDocument } from '../sheets/activity-sheet.entity';

/** The printed sheet's fixed wording, in each language a sheet can be served in. */
export interface SheetLabels {
  locale: string;
  code: string;
  dates: string;
  venue: string;
  languages: string;
  applicationDeadline: string;
  nomination: string;
  nominationRequired: string;
  nominationNotRequired: string;
  objectives: string;
  targetAudience: string;
  applicationRequirements: string;
  requiredDocuments: string;
  programme: string;
  materials: string;
  toBeAnnounced: string;
  none: string;
  alsoOnline: string;
  remote: Partial<Record<DeliveryMode, string>>;
  languageNames: Record<ActivityLanguage, string>;
  documents: Record<RequiredDocument, string>;
}

export const SHEET_LABELS: Record<ActivityLanguage, SheetLabels> = {
  en: {
    locale: 'en-GB',
    code: 'Code',
    dates: 'Dates',
    venue: 'Venue',
    languages: 'Languages',
    applicationDeadline: 'Application deadline',
    nomination: 'Nomination',
    nominationRequired: 'Required: each application is endorsed by the national focal point',
    nominationNotRequired: 'Not required',
    objectives: 'Objectives',
    targetAudience: 'Target audience',
    applicationRequirements: 'Application requirements',
    requiredDocuments: 'Required documents',
    programme: 'Programme',
    materials: 'Materials',
    toBeAnnounced: 'To be announced',
    none: 'None',
    alsoOnline: 'and online',
    remote: { online: 'Online', e_learning: 'E-learning' },
    languageNames: { en: 'English', fr: 'French', es: 'Spanish' },
    documents: {
      cv: 'Curriculum vitae',
      passport: 'Passport',
      nomination_letter: 'Nomination letter',
      motivation_letter: 'Motivation letter',
      other: 'Other documents',
    },
  },
  fr: {
    locale: 'fr-FR',
    code: 'Code',
    dates: 'Dates',
    venue: 'Lieu',
    languages: 'Langues',
    applicationDeadline: 'Date limite de candidature',
    nomination: 'Nomination',
    nominationRequired: 'Requise : chaque candidature est approuvée par le point de contact national',
    nominationNotRequired: 'Non requise',
    objectives: 'Objectifs',
    targetAudience: 'Public cible',
    applicationRequirements: 'Conditions de candidature',
    requiredDocuments: 'Documents requis',
    programme: 'Programme',
    materials: 'Documents et supports',
    toBeAnnounced: 'À confirmer',
    none: 'Aucun',
    alsoOnline: 'et en ligne',
    remote: { online: 'En ligne', e_learning: 'Formation en ligne (e-learning)' },
    languageNames: { en: 'anglais', fr: 'français', es: 'espagnol' },
    documents: {
      cv: 'Curriculum vitae',
      passport: 'Passeport',
      nomination_letter: 'Lettre de nomination',
      motivation_letter: 'Lettre de motivation',
      other: 'Autres documents',
    },
  },
  es: {
    locale: 'es-ES',
    code: 'Código',
    dates: 'Fechas',
    venue: 'Lugar',
    languages: 'Idiomas',
    applicationDeadline: 'Plazo de solicitud',
    nomination: 'Nominación',
    nominationRequired: 'Obligatoria: el punto de contacto nacional respalda cada solicitud',
    nominationNotRequired: 'No obligatoria',
    objectives: 'Objetivos',
    targetAudience: 'Destinatarios',
    applicationRequirements: 'Requisitos de solicitud',
    requiredDocuments: 'Documentos requeridos',
    programme: 'Programa',
    materials: 'Materiales',
    toBeAnnounced: 'Por confirmar',
    none: 'Ninguno',
    alsoOnline: 'y en línea',
    remote: { online: 'En línea', e_learning: 'Aprendizaje electrónico (e-learning)' },
    languageNames: { en: 'inglés', fr: 'francés', es: 'español' },
    documents: {
      cv: 'Currículum vítae',
      passport: 'Pasaporte',
      nomination_letter: 'Carta de nominación',
      motivation_letter: 'Carta de motivación',
      other: 'Otros documentos',
    },
  },
};
