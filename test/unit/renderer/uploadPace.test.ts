import { describe, expect, it } from 'vitest';
import { clock, uploadPace } from '../../../renderer/src/features/uploads/pace';

const cec = {
  batchRows: 20,
  minSpacingMs: 1000,
  inFlight: 1,
  lookUp: false,
  remove: true,
  file: null,
  maxKeyLength: 32,
  phoneCharacters: '0-9*#',
  maxPhoneLength: 24,
  maxVariablesBytes: 1024,
};

describe('upload pace', () => {
  it('names the CEC ceiling of 20 rows a second and estimates from it before a measure', () => {
    const pace = uploadPace(cec, { rowsPerSecond: 0, pending: 1000 });
    expect(pace.ceiling).toBe(20);
    expect(pace.secondsLeft).toBe(50);
  });
  it('trusts the measured rate once there is one', () => {
    const pace = uploadPace(cec, { rowsPerSecond: 12.5, pending: 1000 });
    expect(pace.measured).toBe(12.5);
    expect(pace.secondsLeft).toBe(80);
  });
  it('multiplies by the requests in flight and says nothing without capabilities', () => {
    expect(
      uploadPace({ ...cec, batchRows: 500, minSpacingMs: 500, inFlight: 2 }, { rowsPerSecond: 0, pending: 0 })
        .ceiling,
    ).toBe(2000);
    expect(uploadPace(null, { rowsPerSecond: 0, pending: 10 }).secondsLeft).toBeNull();
  });
  it('reads time left as a countdown', () => {
    expect(clock(65)).toBe('1:05');
    expect(clock(3725)).toBe('1:02:05');
  });
});
