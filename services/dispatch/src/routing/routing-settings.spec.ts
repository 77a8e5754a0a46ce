import { routingSettingsFrom } from './routing-settings';

describe('routingSettingsFrom', () => {
  it('gives an agent two minutes to accept unless configured, and takes fractions of a second', () => {
    expect(routingSettingsFrom(undefined)).toEqual({ acceptWithinMs: 120_000 });
    expect(routingSettingsFrom('1.5')).toEqual({ acceptWithinMs: 1_500 });
  });

  it('refuses a value that is not a positive number of seconds', () => {
    expect(() => routingSettingsFrom('0')).toThrow('ROUTING_ACCEPT_WITHIN_SECONDS');
    expect(() => routingSettingsFrom('2m')).toThrow('positive number');
  });
});
