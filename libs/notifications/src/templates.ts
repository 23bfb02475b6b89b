import { NotificationKind, NotificationParams } from './notification-kind';

type Locale = 'en' | 'fr' | 'es';
type Template = (params: NotificationParams) => { subject: string; body: string };

const activity = (p: NotificationParams) => `${p.activityCode ?? ''} ${p.activityTitle ?? ''}`.trim();
/** A national request as its requester knows it: the country and the quarter asked for. */
const nationalRequest = (p: NotificationParams) => `${p.countryName ?? ''} (${p.preferredQuarter ?? ''})`;

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
  [NotificationKind.EvaluationFollowUp]: {
    en: (p) => ({
      subject: `Did ${activity(p)} help in your work?`,
      body: `A few months ago you took part in ${activity(p)}. Have you applied what you learned in your work? Please tell us in one minute: ${p.link ?? ''}`,
    }),
    fr: (p) => ({
      subject: `${activity(p)} vous a-t-il servi dans votre travail ?`,
      body: `Il y a quelques mois, vous avez participé à ${activity(p)}. Avez-vous appliqué ce que vous avez appris dans votre travail ? Dites-le-nous en une minute : ${p.link ?? ''}`,
    }),
    es: (p) => ({
      subject: `¿Le ha servido ${activity(p)} en su trabajo?`,
      body: `Hace unos meses participó en ${activity(p)}. ¿Ha aplicado lo aprendido en su trabajo? Cuéntenoslo en un minuto: ${p.link ?? ''}`,
    }),
  },
  [NotificationKind.CertificateReady]: {
    en: (p) => ({ subject: `Your certificate: ${activity(p)}`, body: `Congratulations on completing ${activity(p)}. Your certificate is ready (verification code ${p.certificateCode ?? ''}).` }),
    fr: (p) => ({ subject: `Votre certificat : ${activity(p)}`, body: `Félicitations pour avoir terminé ${activity(p)}. Votre certificat est prêt (code de vérification ${p.certificateCode ?? ''}).` }),
    es: (p) => ({ subject: `Su certificado: ${activity(p)}`, body: `Felicitaciones por completar ${activity(p)}. Su certificado está listo (código de verificación ${p.certificateCode ?? ''}).` }),
  },
  [NotificationKind.AccountCreated]: {
    en: (p) => ({
      subject: `Your TRTA Planner account: ${activity(p)}`,
      body: `The WTO Secretariat registered you as a participant in ${activity(p)} and created an account for ${p.email ?? 'you'}. To use it, choose a password by opening this link (valid until ${p.claimExpiresOn ?? '-'}):\n\n${p.link ?? ''}\n\nThis link is for you alone: do not forward it.`,
    }),
    fr: (p) => ({
      subject: `Votre compte TRTA Planner : ${activity(p)}`,
      body: `Le Secrétariat de l'OMC vous a inscrit(e) comme participant(e) à ${activity(p)} et a créé un compte pour ${p.email ?? 'vous'}. Pour l'utiliser, choisissez un mot de passe en ouvrant ce lien (valable jusqu'au ${p.claimExpiresOn ?? '-'}) :\n\n${p.link ?? ''}\n\nCe lien est personnel : ne le transférez pas.`,
    }),
    es: (p) => ({
      subject: `Su cuenta de TRTA Planner: ${activity(p)}`,
      body: `La Secretaría de la OMC lo/la inscribió como participante en ${activity(p)} y creó una cuenta para ${p.email ?? 'usted'}. Para usarla, elija una contraseña abriendo este enlace (válido hasta el ${p.claimExpiresOn ?? '-'}):\n\n${p.link ?? ''}\n\nEste enlace es personal: no lo reenvíe.`,
    }),
  },
  [NotificationKind.EmailVerification]: {
    en: (p) => ({
      subject: 'Confirm your email address for TRTA Planner',
      body: `Please confirm that ${p.email ?? 'this address'} is yours by opening this link (valid until ${p.linkExpiresAt ?? '-'}):\n\n${p.link ?? ''}\n\nUntil then you can sign in, but not apply to activities. If you did not create this account, ignore this message.`,
    }),
    fr: (p) => ({
      subject: 'Confirmez votre adresse électronique pour TRTA Planner',
      body: `Veuillez confirmer que ${p.email ?? 'cette adresse'} vous appartient en ouvrant ce lien (valable jusqu'au ${p.linkExpiresAt ?? '-'}) :\n\n${p.link ?? ''}\n\nD'ici là, vous pouvez vous connecter, mais pas poser votre candidature. Si vous n'avez pas créé ce compte, ignorez ce message.`,
    }),
    es: (p) => ({
      subject: 'Confirme su dirección de correo electrónico para TRTA Planner',
      body: `Confirme que ${p.email ?? 'esta dirección'} es suya abriendo este enlace (válido hasta el ${p.linkExpiresAt ?? '-'}):\n\n${p.link ?? ''}\n\nMientras tanto puede iniciar sesión, pero no presentar solicitudes. Si no creó esta cuenta, ignore este mensaje.`,
    }),
  },
  [NotificationKind.PasswordReset]: {
    en: (p) => ({
      subject: 'Choose a new TRTA Planner password',
      body: `Someone asked to reset the password of ${p.email ?? 'your account'}. To choose a new one, open this link (valid until ${p.linkExpiresAt ?? '-'}, once):\n\n${p.link ?? ''}\n\nIf it was not you, ignore this message: your password stays as it is.`,
    }),
    fr: (p) => ({
      subject: 'Choisissez un nouveau mot de passe TRTA Planner',
      body: `Quelqu'un a demandé à réinitialiser le mot de passe de ${p.email ?? 'votre compte'}. Pour en choisir un nouveau, ouvrez ce lien (valable jusqu'au ${p.linkExpiresAt ?? '-'}, une seule fois) :\n\n${p.link ?? ''}\n\nSi ce n'était pas vous, ignorez ce message : votre mot de passe reste inchangé.`,
    }),
    es: (p) => ({
      subject: 'Elija una nueva contraseña de TRTA Planner',
      body: `Alguien pidió restablecer la contraseña de ${p.email ?? 'su cuenta'}. Para elegir una nueva, abra este enlace (válido hasta el ${p.linkExpiresAt ?? '-'}, una sola vez):\n\n${p.link ?? ''}\n\nSi no fue usted, ignore este mensaje: su contraseña no cambia.`,
    }),
  },
  [NotificationKind.AccountTakeover]: {
    en: (p) => ({
      subject: `TRTA Planner: an account uses your address (${activity(p)})`,
      body: `The WTO Secretariat registered you as a participant in ${activity(p)}. An account with your address ${p.email ?? ''} already exists but was never confirmed, so it may not be yours. To take it over, choose a new password with this link (valid until ${p.linkExpiresAt ?? '-'}, once); every other session of the account ends:\n\n${p.link ?? ''}\n`,
    }),
    fr: (p) => ({
      subject: `TRTA Planner : un compte utilise votre adresse (${activity(p)})`,
      body: `Le Secrétariat de l'OMC vous a inscrit(e) comme participant(e) à ${activity(p)}. Un compte avec votre adresse ${p.email ?? ''} existe déjà mais n'a jamais été confirmé : il n'est peut-être pas le vôtre. Pour le reprendre, choisissez un nouveau mot de passe avec ce lien (valable jusqu'au ${p.linkExpiresAt ?? '-'}, une seule fois) ; toutes les autres sessions du compte prennent fin :\n\n${p.link ?? ''}\n`,
    }),
    es: (p) => ({
      subject: `TRTA Planner: una cuenta usa su dirección (${activity(p)})`,
      body: `La Secretaría de la OMC lo/la inscribió como participante en ${activity(p)}. Ya existe una cuenta con su dirección ${p.email ?? ''}, pero nunca se confirmó, así que puede no ser suya. Para recuperarla, elija una nueva contraseña con este enlace (válido hasta el ${p.linkExpiresAt ?? '-'}, una sola vez); todas las demás sesiones de la cuenta terminan:\n\n${p.link ?? ''}\n`,
    }),
  },
  [NotificationKind.RequestUnderReview]: {
    en: (p) => ({ subject: `National request under review: ${nationalRequest(p)}`, body: `The Technical Assistance Management Committee started reviewing the national request of ${nationalRequest(p)}. We will let you know of its decision.` }),
    fr: (p) => ({ subject: `Demande nationale en cours d'examen : ${nationalRequest(p)}`, body: `Le Comité de gestion de l'assistance technique a commencé l'examen de la demande nationale de ${nationalRequest(p)}. Nous vous informerons de sa décision.` }),
    es: (p) => ({ subject: `Solicitud nacional en examen: ${nationalRequest(p)}`, body: `El Comité de Gestión de la Asistencia Técnica comenzó a examinar la solicitud nacional de ${nationalRequest(p)}. Le informaremos de su decisión.` }),
  },
  [NotificationKind.RequestApproved]: {
    en: (p) => ({ subject: `National request approved: ${nationalRequest(p)}`, body: `The national request of ${nationalRequest(p)} was approved. The activity will be scheduled in the TA plan.` }),
    fr: (p) => ({ subject: `Demande nationale approuvée : ${nationalRequest(p)}`, body: `La demande nationale de ${nationalRequest(p)} a été approuvée. L'activité sera inscrite au plan d'assistance technique.` }),
    es: (p) => ({ subject: `Solicitud nacional aprobada: ${nationalRequest(p)}`, body: `La solicitud nacional de ${nationalRequest(p)} fue aprobada. La actividad se programará en el plan de asistencia técnica.` }),
  },
  [NotificationKind.RequestRejected]: {
    en: (p) => ({ subject: `National request not approved: ${nationalRequest(p)}`, body: `We regret that the national request of ${nationalRequest(p)} was not approved.${p.reason ? ` Reason: ${p.reason}` : ''}` }),
    fr: (p) => ({ subject: `Demande nationale non approuvée : ${nationalRequest(p)}`, body: `Nous regrettons que la demande nationale de ${nationalRequest(p)} n'ait pas été approuvée.${p.reason ? ` Motif : ${p.reason}` : ''}` }),
    es: (p) => ({ subject: `Solicitud nacional no aprobada: ${nationalRequest(p)}`, body: `Lamentamos que la solicitud nacional de ${nationalRequest(p)} no haya sido aprobada.${p.reason ? ` Motivo: ${p.reason}` : ''}` }),
  },
  [NotificationKind.RequestScheduled]: {
    en: (p) => ({ subject: `National activity scheduled: ${activity(p)}`, body: `The national request of ${nationalRequest(p)} is now the planned activity ${activity(p)}.` }),
    fr: (p) => ({ subject: `Activité nationale programmée : ${activity(p)}`, body: `La demande nationale de ${nationalRequest(p)} est devenue l'activité prévue ${activity(p)}.` }),
    es: (p) => ({ subject: `Actividad nacional programada: ${activity(p)}`, body: `La solicitud nacional de ${nationalRequest(p)} es ahora la actividad prevista ${activity(p)}.` }),
  },
};

export function renderNotification(kind: NotificationKind, locale: Locale, params: NotificationParams): { subject: string; body: string } {
  return (TEMPLATES[kind][locale] ?? TEMPLATES[kind].en)(params);
}

/**
 * One-time links carry their token after `token=`; the outbox view shows that a link was sent,
 * never the link (a staff member reading it could take the account over).
 */
const SECRET_TOKEN = /([?#&]token=)[A-Za-z0-9_-]+/g;
export const REDACTED_TOKEN = '[sent to the recipient only]';

export function redactSecrets(text: string): string {
  return text.replace(SECRET_TOKEN, `$1${REDACTED_TOKEN}`);
}
