import { getAlpha3Codes } from 'i18n-iso-countries';
import { COUNTRY_CLASSIFICATION, TaRegion } from './country-classification';

// UN list of Least Developed Countries as of December 2024 (44 countries).
// Bhutan (graduated Dec 2023) and São Tomé and Príncipe (graduated Dec 2024) are not on it.
const UN_LDCS_DEC_2024 = [
  'AFG', 'AGO', 'BGD', 'BEN', 'BFA', 'BDI', 'KHM', 'CAF', 'TCD', 'COM', 'COD',
  'DJI', 'ERI', 'ETH', 'GMB', 'GIN', 'GNB', 'HTI', 'KIR', 'LAO', 'LSO', 'LBR',
  'MDG', 'MWI', 'MLI', 'MRT', 'MOZ', 'MMR', 'NPL', 'NER', 'RWA', 'SEN', 'SLE',
  'SLB', 'SOM', 'SSD', 'SDN', 'TZA', 'TLS', 'TGO', 'TUV', 'UGA', 'YEM', 'ZMB',
];

const REGIONS: readonly TaRegion[] = ['africa', 'arab_middle_east', 'asia_pacific', 'caribbean', 'ceecac', 'latin_america', 'developed'];

describe('COUNTRY_CLASSIFICATION', () => {
  const isoCodes = Object.keys(getAlpha3Codes()).sort();
  const entries = Object.entries(COUNTRY_CLASSIFICATION);

  it('has exactly one entry per alpha-3 code known to i18n-iso-countries', () => {
    expect(Object.keys(COUNTRY_CLASSIFICATION).sort()).toEqual(isoCodes);
  });

  it('keeps the entries sorted by alpha-3 code', () => {
    expect(Object.keys(COUNTRY_CLASSIFICATION)).toEqual(isoCodes);
  });

  it('only uses known regions and statuses', () => {
    for (const [, c] of entries) {
      expect(REGIONS).toContain(c.region);
      expect(['member', 'observer', 'other']).toContain(c.wtoStatus);
      expect(typeof c.ldc).toBe('boolean');
    }
  });

  it('flags exactly the 44 UN LDCs (December 2024)', () => {
    const ldcs = entries.filter(([, c]) => c.ldc).map(([code]) => code).sort();
    expect(ldcs).toHaveLength(44);
    expect(ldcs).toEqual([...UN_LDCS_DEC_2024].sort());
    expect(COUNTRY_CLASSIFICATION.BTN.ldc).toBe(false);
    expect(COUNTRY_CLASSIFICATION.STP.ldc).toBe(false);
  });

  it('counts the WTO members present in ISO 3166-1', () => {
    // The WTO has 166 members (since Comoros and Timor-Leste acceded in August 2024). One of them is
    // the European Union, which is not an ISO 3166-1 entry; the other 165 (all countries plus the
    // separate customs territories Hong Kong, China (HKG), Macao, China (MAC) and Chinese Taipei (TWN))
    // all have an ISO alpha-3 code, so 166 - 1 = 165 entries are members.
    const members = entries.filter(([, c]) => c.wtoStatus === 'member');
    expect(members).toHaveLength(165);
    for (const code of ['HKG', 'MAC', 'TWN', 'COM', 'TLS']) {
      expect(COUNTRY_CLASSIFICATION[code].wtoStatus).toBe('member');
    }
  });

  it('counts the WTO observer governments (23 in 2024, incl. the Holy See)', () => {
    const observers = entries.filter(([, c]) => c.wtoStatus === 'observer').map(([code]) => code).sort();
    expect(observers).toEqual([
      'AND', 'AZE', 'BHS', 'BIH', 'BLR', 'BTN', 'CUW', 'DZA', 'ETH', 'GNQ', 'IRN', 'IRQ',
      'LBN', 'LBY', 'SDN', 'SOM', 'SRB', 'SSD', 'STP', 'SYR', 'TKM', 'UZB', 'VAT',
    ]);
  });

  it('never puts an LDC in the developed region', () => {
    const developedLdcs = entries.filter(([, c]) => c.ldc && c.region === 'developed').map(([code]) => code);
    expect(developedLdcs).toEqual([]);
  });

  it.each([
    ['BRA', { region: 'latin_america', ldc: false, wtoStatus: 'member' }],
    ['CHE', { region: 'developed', ldc: false, wtoStatus: 'member' }],
    ['HTI', { region: 'caribbean', ldc: true, wtoStatus: 'member' }],
    ['KAZ', { region: 'ceecac', ldc: false, wtoStatus: 'member' }],
    ['EGY', { region: 'arab_middle_east', ldc: false, wtoStatus: 'member' }],
    ['DZA', { region: 'arab_middle_east', ldc: false, wtoStatus: 'observer' }],
    ['ISR', { region: 'developed', ldc: false, wtoStatus: 'member' }],
    ['TUR', { region: 'ceecac', ldc: false, wtoStatus: 'member' }],
    ['AFG', { region: 'asia_pacific', ldc: true, wtoStatus: 'member' }],
    ['SGP', { region: 'asia_pacific', ldc: false, wtoStatus: 'member' }],
    ['ATA', { region: 'developed', ldc: false, wtoStatus: 'other' }],
  ])('classifies %s', (code, expected) => {
    expect(COUNTRY_CLASSIFICATION[code]).toEqual(expected);
  });
});
