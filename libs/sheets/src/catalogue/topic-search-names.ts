/**
 * What an official may type to find a topic, in the three languages of the catalogue (the WTO's
 * own French and Spanish names, with their usual abbreviations): the catalogue's search matches
 * an activity whose topics are named by the words, whatever the interface language.
 */
export const TOPIC_SEARCH_NAMES: Readonly<Record<string, { en: string; fr: string; es: string }>> = {
  agriculture: { en: 'Agriculture', fr: 'Agriculture', es: 'Agricultura' },
  sps: { en: 'Sanitary and phytosanitary measures SPS', fr: 'Mesures sanitaires et phytosanitaires SPS', es: 'Medidas sanitarias y fitosanitarias MSF' },
  tbt: { en: 'Technical barriers to trade TBT', fr: 'Obstacles techniques au commerce OTC', es: 'Obstáculos técnicos al comercio OTC' },
  trips: {
    en: 'Trade-related aspects of intellectual property rights TRIPS',
    fr: 'Aspects des droits de propriété intellectuelle qui touchent au commerce ADPIC',
    es: 'Aspectos de los derechos de propiedad intelectual relacionados con el comercio ADPIC',
  },
  services: { en: 'Trade in services', fr: 'Commerce des services', es: 'Comercio de servicios' },
  trade_facilitation: { en: 'Trade facilitation', fr: 'Facilitation des échanges', es: 'Facilitación del comercio' },
  market_access: { en: 'Market access', fr: 'Accès aux marchés', es: 'Acceso a los mercados' },
  rules: {
    en: 'Rules anti-dumping subsidies safeguards',
    fr: 'Règles antidumping subventions sauvegardes',
    es: 'Normas antidumping subvenciones salvaguardias',
  },
  dispute_settlement: { en: 'Dispute settlement', fr: 'Règlement des différends', es: 'Solución de diferencias' },
  accessions: { en: 'Accessions', fr: 'Accessions', es: 'Adhesiones' },
  e_commerce: { en: 'Electronic commerce e-commerce', fr: 'Commerce électronique', es: 'Comercio electrónico' },
  trade_environment: { en: 'Trade and environment', fr: 'Commerce et environnement', es: 'Comercio y medio ambiente' },
  government_procurement: { en: 'Government procurement', fr: 'Marchés publics', es: 'Contratación pública' },
  trade_policy_review: { en: 'Trade policy review', fr: 'Examen des politiques commerciales', es: 'Examen de las políticas comerciales' },
  aid_for_trade: { en: 'Aid for Trade', fr: 'Aide pour le commerce', es: 'Ayuda para el Comercio' },
  general: { en: 'General WTO knowledge', fr: 'Connaissances générales sur l’OMC', es: 'Conocimientos generales sobre la OMC' },
};

/** Each topic's names in every language as one text to search, by code (a JSON parameter of the catalogue's query). */
export const TOPIC_SEARCH_TEXT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(TOPIC_SEARCH_NAMES).map(([code, names]) => [code, `${names.en} ${names.fr} ${names.es}`]),
);
