import { ConfigValidationError, loadConfig } from './load-config';
import { trustProxySetting } from './app-config';

describe('TRUST_PROXY', () => {
  const load = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }, '/nonexistent/.env');

  it('trusts no proxy by default', () => {
    expect(trustProxySetting(load())).toBe(false);
    expect(trustProxySetting(load('none'))).toBe(false);
    expect(trustProxySetting(load('0'))).toBe(false);
  });

  it('takes a hop count: trusts that many hops next to the server', () => {
    const trust = trustProxySetting(load('2')) as (address: string, hop: number) => boolean;
    expect(typeof trust).toBe('function');
    expect([trust('10.0.0.1', 0), trust('10.0.0.2', 1), trust('8.8.8.8', 2)]).toEqual([true, true, false]);
  });

  it('takes addresses and CIDR ranges', () => {
    expect(trustProxySetting(load('10.0.0.0/8, 192.0.2.1'))).toEqual(['10.0.0.0/8', '192.0.2.1']);
  });

  it('refuses anything else at boot', () => {
    expect(() => load('true')).toThrow(ConfigValidationError);
    expect(() => load('all of them')).toThrow(/TRUST_PROXY/);
  });
});
