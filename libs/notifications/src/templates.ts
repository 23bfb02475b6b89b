import { NotificationKind, NotificationParams } from './notification-kind';

type Locale = 'en' | 'fr' | 'es';
type Template = (params: NotificationParams) => { subject: string; body: string };

const activity = (p: NotificationParams) => `${p.activityCode ?? ''} ${p.activityTitle ?? ''}`.trim();

/** The messages, in the three languages of the product. */
const TEMPLATES: Record<NotificationKind, Record<Locale, Template>> = {
  [NotificationKind.ApplicationSubmitted]: {
    en: (p) => ({ subject: `Application received: ${activity(p)}`, body: `We received your application to ${activity(p)}. We will let you know of every decision.` }),
    fr: (p) => ({ subject: `Candidature reçue : ${activity(p)}`, body: `Nous avons bien reçu votre candidature pour ${activity(p)}. Nous vous informerons de chaque décision.` }),
    es: (p) => ({ subject: `Solicitud recibida: ${activity(p)}`, body: `Hemos recibido su solicitud para ${activity(p)}. Le informaremos de cada decisión.` }),
  },
  [NotificationKind.NominationNeeded]: {
    en: (p) => ({ subject: `Nomination requested: ${activity(p)}`, body: `${p.applicantName ?? 'An official'} of your country applied to ${activity(p)}. Please endorse or decline the application.` }),
    fr: (p) => ({ subject: `Désignation demandée : ${activity(p)}`, body: `${p.applicantName ?? 'Un fonctionnaire'} de votre pays a posé sa candidature pour ${activity(p)}. Veuillez l'approuver ou la refuser.` }),
    es: (p) => ({ subject: `Designación solicitada: ${activity(p)}`, body: `${p.applicantName ?? 'Un funcionario'} de su país presentó una solicitud para ${activity(p)}. Por favor, apruébela o recházela.` }),
  },
  [NotificationKind.ApplicationEndorsed]: {
    en: (p) => ({ subject: `Nomination endorsed: ${activity(p)}`, body: `Your government endorsed your application to ${activity(p)}.` }),
    fr: (p) => ({ subject: `Désignation approuvée : ${activity(p)}`, body: `Votre gouvernement a approuvé votre candidature pour ${activity(p)}.` }),
    es: (p) => ({ subject: `Designación aprobada: ${activity(p)}`, body: `Su gobierno aprobó su solicitud para ${activity(p)}.` }),
  },
  [NotificationKind.ApplicationDeclined]: {
    en: (p) => ({ subject: `Nomination declined: ${activity(p)}`, body: `Your government declined your application to ${activity(p)}.${p.reason ? ` Reason: ${p.reason}` : ''}` }),
    fr: (p) => ({ subject: `Désignation refusée : ${activity(p)}`, body: `Votre gouvernement a refusé votre candidature pour ${activity(p)}.${p.reason ? ` Motif : ${p.reason}` : ''}` }),
    es: (p) => ({ subject: `Designación rechazada: ${activity(p)}`, body: `Su gobierno rechazó su solicitud para ${activity(p)}.${p.reason ? ` Motivo: ${p.reason}` : ''}` }),
  },
  [NotificationKind.ApplicationSelected]: {
    en: (p) => ({ subject: `You are selected: ${activity(p)}`, body: `You have been selected to take part in ${activity(p)}${p.startDate ? `, starting ${p.startDate}` : ''}.` }),
    fr: (p) => ({ subject: `Vous êtes sélectionné(e) : ${activity(p)}`, body: `Vous avez été sélectionné(e) pour participer à ${activity(p)}${p.startDate ? `, qui commence le ${p.startDate}` : ''}.` }),
    es: (p) => ({ subject: `Ha sido seleccionado(a): ${activity(p)}`, body: `Ha sido seleccionado(a) para participar en ${activity(p)}${p.startDate ? `, que comienza el ${p.startDate}` : ''}.` }),
  },
  [NotificationKind.ApplicationWaitlisted]: {
    en: (p) => ({ subject: `On the waiting list: ${activity(p)}`, body: `Your application to ${activity(p)} is on the waiting list (position ${p.waitlistPosition ?? '-'}).` }),
    fr: (p) => ({ subject: `Liste d'attente : ${activity(p)}`, body: `Votre candidature pour ${activity(p)} est sur la liste d'attente (position ${p.waitlistPosition ?? '-'}).` }),
    es: (p) => ({ subject: `Lista de espera: ${activity(p)}`, body: `Su solicitud para ${activity(p)} está en la lista de espera (posición ${p.waitlistPosition ?? '-'}).` }),
  },
  [NotificationKind.ApplicationPromoted]: {
    en: (p) => ({ subject: `A seat is yours: ${activity(p)}`, body: `A seat became free and you are now selected for ${activity(p)}.` }),
    fr: (p) => ({ subject: `Une place pour vous : ${activity(p)}`, body: `Une place s'est libérée : vous êtes maintenant sélectionné(e) pour ${activity(p)}.` }),
    es: (p) => ({ subject: `Un lugar para usted: ${activity(p)}`, body: `Se liberó un lugar y ahora está seleccionado(a) para ${activity(p)}.` }),
  },
  [NotificationKind.ApplicationRejected]: {
    en: (p) => ({ subject: `Application not retained: ${activity(p)}`, body: `We regret that your application to ${activity(p)} was not retained.${p.reason ? ` Reason: ${p.reason}` : ''}` }),
    fr: (p) => ({ subject: `Candidature non retenue : ${activity(p)}`, body: `Nous regrettons que votre candidature pour ${activity(p)} n'ait pas été retenue.${p.reason ? ` Motif : ${p.reason}` : ''}` }),
    es: (p) => ({ subject: `Solicitud no seleccionada: ${activity(p)}`, body: `Lamentamos que su solicitud para ${activity(p)} no haya sido seleccionada.${p.reason ? ` Motivo: ${p.reason}` : ''}` }),
  },
  [NotificationKind.ActivityReminder]: {
    en: (p) => ({ subject: `Reminder: ${activity(p)} starts ${p.startDate ?? 'soon'}`, body: `${activity(p)} starts on ${p.startDate ?? 'the planned date'}. We look forward to seeing you.` }),
    fr: (p) => ({ subject: `Rappel : ${activity(p)} commence le ${p.startDate ?? 'bientôt'}`, body: `${activity(p)} commence le ${p.startDate ?? 'jour prévu'}. Au plaisir de vous accueillir.` }),
    es: (p) => ({ subject: `Recordatorio: ${activity(p)} comienza el ${p.startDate ?? 'pronto'}`, body: `${activity(p)} comienza el ${p.startDate ?? 'día previsto'}. Le esperamos.` }),
  },
  [NotificationKind.CertificateReady]: {
    en: (p) => ({ subject: `Your certificate: ${activity(p)}`, body: `Congratulations on completing ${activity(p)}. Your certificate is ready (verification code ${p.certificateCode ?? ''}).` }),
    fr: (p) => ({ subject: `Votre certificat : ${activity(p)}`, body: `Félicitations pour avoir terminé ${activity(p)}. Votre certificat est prêt (code de vérification ${p.certificateCode ?? ''}).` }),
    es: (p) => ({ subject: `Su certificado: ${activity(p)}`, body: `Felicitaciones por completar ${activity(p)}. Su certificado está listo (código de verificación ${p.certificateCode ?? ''}).` }),
  },
};

export function renderNotification(kind: NotificationKind, locale: Locale, params: NotificationParams): { subject: string; body: string } {
  return (TEMPLATES[kind][locale] ?? TEMPLATES[kind].en)(params);
}
