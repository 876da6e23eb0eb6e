/**
 * For broken-data tests: runs `validate`, expects it to throw `DataError` (the build's error naming
 * file and field) and returns the message. Fails the test when the data is accepted.
 */
import { expect } from 'vitest';
import { DataError } from '../../src/data/validate.ts';

export function dataErrorOf(validate: () => unknown, what = 'the validator'): string {
  try {
    validate();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).message;
  }
  throw new Error(`${what} accepted broken data`);
}
