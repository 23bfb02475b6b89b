import { activityScopeCode, activityStatusCode, evenPercentages, sectorCodes, xmlSafe } from './iati-codes';

describe('IATI codes', () => {
  it('maps the lifecycle onto the ActivityStatus codelist', () => {
    expect(['planned', 'postponed', 'confirmed', 'open', 'closed', 'cancelled'].map((status) => activityStatusCode(status as never, false))).toEqual([
      '1',
      '1',
      '2',
      '2',
      '2',
      '5',
    ]);
    expect(activityStatusCode('delivered', false)).toBe('3');
    expect(activityStatusCode('delivered', true)).toBe('4');
  });

  it('maps activity types onto the ActivityScope codelist', () => {
    expect(['global', 'regional', 'national'].map((type) => activityScopeCode(type as never))).toEqual(['1', '2', '4']);
  });

  it('picks distinct DAC sectors from the topics, training by default', () => {
    expect(sectorCodes([])).toEqual(['33181']);
    expect(sectorCodes(['sps', 'tbt'])).toEqual(['33181']);
    expect(sectorCodes(['trade_facilitation', 'accessions', 'trade_policy_review', 'sps'])).toEqual(['33120', '33110', '33181']);
  });

  it('splits 100 into percentages that sum to exactly 100', () => {
    expect(evenPercentages(1)).toEqual(['100']);
    expect(evenPercentages(2)).toEqual(['50', '50']);
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    for (const parts of [6, 7, 11, 13, 97]) {
      const cents = evenPercentages(parts).reduce((sum, value) => sum + Math.round(Number(value) * 100), 0);
      expect(cents).toBe(10000);
    }
  });

  it('drops characters XML cannot carry and keeps the rest', () => {
    expect(xmlSafe('a\u0001b\uFFFEc\u00e9\u{1F600}\n')).toBe('abc\u00e9\u{1F600}\n');
  });
});
