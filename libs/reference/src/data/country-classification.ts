// Reviewed assignment of every ISO 3166-1 country and territory known to i18n-iso-countries
// (250 alpha-3 codes, including the user-assigned XKK for Kosovo) to a WTO technical-assistance
// region, UN Least Developed Country status and WTO status.
//
// Sources:
//  - region: WTO Institute for Training and Technical Cooperation (ITTC) TA regions. North African and
//    Horn of Africa Arab League states (EGY, MAR, TUN, DZA, LBY, MRT, SDN, DJI, SOM, COM) are in
//    'arab_middle_east'; Israel is 'developed'; Türkiye is 'ceecac'. Members that self-declare developing
//    status (e.g. SGP, KOR, HKG, MAC, TWN, QAT, ARE) are in their geographic region. 'developed' covers
//    EU and other Western European states, USA, CAN, JPN, AUS, NZL, ISR, their non-beneficiary European
//    and North American dependencies, Antarctica and uninhabited territories. Inhabited Caribbean, Pacific,
//    African, Indian Ocean and South American dependencies follow their geographic region.
//  - ldc: UN list of Least Developed Countries as of December 2024 (44 countries; Bhutan graduated
//    in December 2023, São Tomé and Príncipe in December 2024).
//  - wtoStatus: WTO members and observers list 2024 (166 members including the European Union, i.e.
//    165 country / separate customs territory entries here, Comoros and Timor-Leste having acceded in
//    August 2024; 23 observer governments incl. the Holy See). Territories and non-members are 'other'.
export type TaRegion = 'africa' | 'arab_middle_east' | 'asia_pacific' | 'caribbean' | 'ceecac' | 'latin_america' | 'developed';
export const WTO_STATUSES = ['member', 'observer', 'other'] as const;
export type WtoStatus = (typeof WTO_STATUSES)[number];
export interface CountryClassification { region: TaRegion; ldc: boolean; wtoStatus: WtoStatus; }
export const COUNTRY_CLASSIFICATION: Readonly<Record<string, CountryClassification>> = {
  ABW: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Aruba
  AFG: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Afghanistan
  AGO: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Angola
  AIA: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Anguilla
  ALA: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Åland Islands
  ALB: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Albania
  AND: { region: 'developed', ldc: false, wtoStatus: 'observer' }, // Andorra
  ARE: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // United Arab Emirates
  ARG: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Argentina
  ARM: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Armenia
  ASM: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // American Samoa
  ATA: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Antarctica
  ATF: { region: 'developed', ldc: false, wtoStatus: 'other' }, // French Southern Territories
  ATG: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Antigua and Barbuda
  AUS: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Australia
  AUT: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Austria
  AZE: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Azerbaijan
  BDI: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Burundi
  BEL: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Belgium
  BEN: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Benin
  BES: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Bonaire, Sint Eustatius and Saba
  BFA: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Burkina Faso
  BGD: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Bangladesh
  BGR: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Bulgaria
  BHR: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Bahrain
  BHS: { region: 'caribbean', ldc: false, wtoStatus: 'observer' }, // Bahamas
  BIH: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Bosnia and Herzegovina
  BLM: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Saint Barthélemy
  BLR: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Belarus
  BLZ: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Belize
  BMU: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Bermuda (CARICOM associate member)
  BOL: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Bolivia
  BRA: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Brazil
  BRB: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Barbados
  BRN: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Brunei Darussalam
  BTN: { region: 'asia_pacific', ldc: false, wtoStatus: 'observer' }, // Bhutan (graduated from LDC status Dec 2023)
  BVT: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Bouvet Island
  BWA: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Botswana
  CAF: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Central African Republic
  CAN: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Canada
  CCK: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Cocos (Keeling) Islands (inhabited territory, geographic region)
  CHE: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Switzerland
  CHL: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Chile
  CHN: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // China
  CIV: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Côte d'Ivoire
  CMR: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Cameroon
  COD: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Democratic Republic of the Congo
  COG: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Republic of the Congo
  COK: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Cook Islands
  COL: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Colombia
  COM: { region: 'arab_middle_east', ldc: true, wtoStatus: 'member' }, // Comoros (WTO member since Aug 2024)
  CPV: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Cabo Verde
  CRI: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Costa Rica
  CUB: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Cuba
  CUW: { region: 'caribbean', ldc: false, wtoStatus: 'observer' }, // Curaçao (WTO observer in its own right)
  CXR: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Christmas Island (inhabited territory, geographic region)
  CYM: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Cayman Islands
  CYP: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Cyprus
  CZE: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Czech Republic
  DEU: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Germany
  DJI: { region: 'arab_middle_east', ldc: true, wtoStatus: 'member' }, // Djibouti
  DMA: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Dominica
  DNK: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Denmark
  DOM: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Dominican Republic
  DZA: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Algeria
  ECU: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Ecuador
  EGY: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Egypt
  ERI: { region: 'africa', ldc: true, wtoStatus: 'other' }, // Eritrea
  ESH: { region: 'africa', ldc: false, wtoStatus: 'other' }, // Western Sahara (not an Arab League member: africa)
  ESP: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Spain
  EST: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Estonia
  ETH: { region: 'africa', ldc: true, wtoStatus: 'observer' }, // Ethiopia
  FIN: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Finland
  FJI: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Fiji
  FLK: { region: 'latin_america', ldc: false, wtoStatus: 'other' }, // Falkland Islands (Malvinas) (inhabited territory, geographic region)
  FRA: { region: 'developed', ldc: false, wtoStatus: 'member' }, // France
  FRO: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Faroe Islands
  FSM: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Micronesia, Federated States of
  GAB: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Gabon
  GBR: { region: 'developed', ldc: false, wtoStatus: 'member' }, // United Kingdom
  GEO: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Georgia
  GGY: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Guernsey
  GHA: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Ghana
  GIB: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Gibraltar
  GIN: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Guinea
  GLP: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Guadeloupe
  GMB: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Gambia
  GNB: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Guinea-Bissau
  GNQ: { region: 'africa', ldc: false, wtoStatus: 'observer' }, // Equatorial Guinea
  GRC: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Greece
  GRD: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Grenada
  GRL: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Greenland
  GTM: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Guatemala
  GUF: { region: 'latin_america', ldc: false, wtoStatus: 'other' }, // French Guiana (French outermost region, geographic region)
  GUM: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Guam
  GUY: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Guyana
  HKG: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Hong Kong, China
  HMD: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Heard Island and McDonald Islands
  HND: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Honduras
  HRV: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Croatia
  HTI: { region: 'caribbean', ldc: true, wtoStatus: 'member' }, // Haiti
  HUN: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Hungary
  IDN: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Indonesia
  IMN: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Isle of Man
  IND: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // India
  IOT: { region: 'developed', ldc: false, wtoStatus: 'other' }, // British Indian Ocean Territory (no permanent population: non-beneficiary)
  IRL: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Ireland
  IRN: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Iran, Islamic Republic of
  IRQ: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Iraq
  ISL: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Iceland
  ISR: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Israel (treated as developed)
  ITA: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Italy
  JAM: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Jamaica
  JEY: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Jersey
  JOR: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Jordan
  JPN: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Japan
  KAZ: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Kazakhstan
  KEN: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Kenya
  KGZ: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Kyrgyzstan
  KHM: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Cambodia
  KIR: { region: 'asia_pacific', ldc: true, wtoStatus: 'other' }, // Kiribati
  KNA: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Saint Kitts and Nevis
  KOR: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Korea, Republic of
  KWT: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Kuwait
  LAO: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Lao People's Democratic Republic
  LBN: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Lebanon
  LBR: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Liberia
  LBY: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Libya
  LCA: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Saint Lucia
  LIE: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Liechtenstein
  LKA: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Sri Lanka
  LSO: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Lesotho
  LTU: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Lithuania
  LUX: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Luxembourg
  LVA: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Latvia
  MAC: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Macao, China
  MAF: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Saint Martin (French part)
  MAR: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Morocco
  MCO: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Monaco
  MDA: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Moldova, Republic of
  MDG: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Madagascar
  MDV: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Maldives
  MEX: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Mexico
  MHL: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Marshall Islands
  MKD: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // North Macedonia
  MLI: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Mali
  MLT: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Malta
  MMR: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Myanmar
  MNE: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Montenegro
  MNG: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Mongolia
  MNP: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Northern Mariana Islands
  MOZ: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Mozambique
  MRT: { region: 'arab_middle_east', ldc: true, wtoStatus: 'member' }, // Mauritania
  MSR: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Montserrat
  MTQ: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Martinique
  MUS: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Mauritius
  MWI: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Malawi
  MYS: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Malaysia
  MYT: { region: 'africa', ldc: false, wtoStatus: 'other' }, // Mayotte (French outermost region, geographic region)
  NAM: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Namibia
  NCL: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // New Caledonia
  NER: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Niger
  NFK: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Norfolk Island
  NGA: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Nigeria
  NIC: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Nicaragua
  NIU: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Niue
  NLD: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Netherlands
  NOR: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Norway
  NPL: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Nepal
  NRU: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Nauru
  NZL: { region: 'developed', ldc: false, wtoStatus: 'member' }, // New Zealand
  OMN: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Oman
  PAK: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Pakistan
  PAN: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Panama
  PCN: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Pitcairn
  PER: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Peru
  PHL: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Philippines
  PLW: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Palau
  PNG: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Papua New Guinea
  POL: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Poland
  PRI: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Puerto Rico
  PRK: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Korea, Democratic People's Republic of
  PRT: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Portugal
  PRY: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Paraguay
  PSE: { region: 'arab_middle_east', ldc: false, wtoStatus: 'other' }, // State of Palestine
  PYF: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // French Polynesia
  QAT: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Qatar
  REU: { region: 'africa', ldc: false, wtoStatus: 'other' }, // Réunion (French outermost region, geographic region)
  ROU: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Romania
  RUS: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Russian Federation
  RWA: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Rwanda
  SAU: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Saudi Arabia
  SDN: { region: 'arab_middle_east', ldc: true, wtoStatus: 'observer' }, // Sudan
  SEN: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Senegal
  SGP: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Singapore
  SGS: { region: 'developed', ldc: false, wtoStatus: 'other' }, // South Georgia and the South Sandwich Islands
  SHN: { region: 'africa', ldc: false, wtoStatus: 'other' }, // Saint Helena, Ascension and Tristan da Cunha
  SJM: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Svalbard and Jan Mayen
  SLB: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Solomon Islands
  SLE: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Sierra Leone
  SLV: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // El Salvador
  SMR: { region: 'developed', ldc: false, wtoStatus: 'other' }, // San Marino
  SOM: { region: 'arab_middle_east', ldc: true, wtoStatus: 'observer' }, // Somalia
  SPM: { region: 'developed', ldc: false, wtoStatus: 'other' }, // Saint Pierre and Miquelon
  SRB: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Serbia
  SSD: { region: 'africa', ldc: true, wtoStatus: 'observer' }, // South Sudan
  STP: { region: 'africa', ldc: false, wtoStatus: 'observer' }, // São Tomé and Príncipe (graduated from LDC status Dec 2024)
  SUR: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Suriname
  SVK: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Slovakia
  SVN: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Slovenia
  SWE: { region: 'developed', ldc: false, wtoStatus: 'member' }, // Sweden
  SWZ: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Eswatini
  SXM: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Sint Maarten (Dutch part)
  SYC: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Seychelles
  SYR: { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }, // Syrian Arab Republic
  TCA: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Turks and Caicos Islands
  TCD: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Chad
  TGO: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Togo
  THA: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Thailand
  TJK: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Tajikistan
  TKL: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Tokelau
  TKM: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Turkmenistan
  TLS: { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }, // Timor-Leste (WTO member since Aug 2024)
  TON: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Tonga
  TTO: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Trinidad and Tobago
  TUN: { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }, // Tunisia
  TUR: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Türkiye
  TUV: { region: 'asia_pacific', ldc: true, wtoStatus: 'other' }, // Tuvalu
  TWN: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Chinese Taipei (Taiwan)
  TZA: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Tanzania, United Republic of
  UGA: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Uganda
  UKR: { region: 'ceecac', ldc: false, wtoStatus: 'member' }, // Ukraine
  UMI: { region: 'developed', ldc: false, wtoStatus: 'other' }, // United States Minor Outlying Islands
  URY: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Uruguay
  USA: { region: 'developed', ldc: false, wtoStatus: 'member' }, // United States of America
  UZB: { region: 'ceecac', ldc: false, wtoStatus: 'observer' }, // Uzbekistan
  VAT: { region: 'developed', ldc: false, wtoStatus: 'observer' }, // Holy See
  VCT: { region: 'caribbean', ldc: false, wtoStatus: 'member' }, // Saint Vincent and the Grenadines
  VEN: { region: 'latin_america', ldc: false, wtoStatus: 'member' }, // Venezuela
  VGB: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Virgin Islands, British
  VIR: { region: 'caribbean', ldc: false, wtoStatus: 'other' }, // Virgin Islands, U.S.
  VNM: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Viet Nam
  VUT: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Vanuatu
  WLF: { region: 'asia_pacific', ldc: false, wtoStatus: 'other' }, // Wallis and Futuna
  WSM: { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }, // Samoa
  XKK: { region: 'ceecac', ldc: false, wtoStatus: 'other' }, // Kosovo (user-assigned code, not ISO-official)
  YEM: { region: 'arab_middle_east', ldc: true, wtoStatus: 'member' }, // Yemen
  ZAF: { region: 'africa', ldc: false, wtoStatus: 'member' }, // South Africa
  ZMB: { region: 'africa', ldc: true, wtoStatus: 'member' }, // Zambia
  ZWE: { region: 'africa', ldc: false, wtoStatus: 'member' }, // Zimbabwe
};
