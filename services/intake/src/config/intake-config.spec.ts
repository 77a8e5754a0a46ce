import { IntakeConfig } from './intake-config';

describe('IntakeConfig', () => {
  it('allows 300 s of future clock skew by default', () => {
    expect(new IntakeConfig({}).maxFutureSkewSeconds).toBe(300);
  });

  it('reads INTAKE_MAX_FUTURE_SKEW_SECONDS', () => {
    expect(new IntakeConfig({ INTAKE_MAX_FUTURE_SKEW_SECONDS: '0' }).maxFutureSkewSeconds).toBe(0);
    expect(new IntakeConfig({ INTAKE_MAX_FUTURE_SKEW_SECONDS: '3600' }).maxFutureSkewSeconds).toBe(3600);
  });

  it.each(['-1', '1.5', 'soon'])('refuses INTAKE_MAX_FUTURE_SKEW_SECONDS=%s, naming the variable', (value) => {
    expect(() => new IntakeConfig({ INTAKE_MAX_FUTURE_SKEW_SECONDS: value })).toThrow(/INTAKE_MAX_FUTURE_SKEW_SECONDS/);
  });
});
