import { quarterRange } from './quarter';

describe('quarterRange', () => {
  it('ends each quarter on its last day', () => {
    expect(quarterRange('2027-Q1')).toEqual({ first: '2027-01-01', last: '2027-03-31' });
    expect(quarterRange('2027-Q2')).toEqual({ first: '2027-04-01', last: '2027-06-30' });
    expect(quarterRange('2027-Q3')).toEqual({ first: '2027-07-01', last: '2027-09-30' });
    expect(quarterRange('2027-Q4')).toEqual({ first: '2027-10-01', last: '2027-12-31' });
  });

  it('knows leap years do not matter to quarter ends', () => {
    expect(quarterRange('2028-Q1').last).toBe('2028-03-31');
  });

  it('refuses what is not a quarter', () => {
    expect(() => quarterRange('2027-Q5')).toThrow();
    expect(() => quarterRange('2027-06')).toThrow();
  });
});
