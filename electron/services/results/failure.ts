import { RESULTS_ERRORS, type ResultsErrorCode } from '../../../shared/codes/results';
import { AppFailure } from '../contract/failure';

/** A Results failure with its text in every language. */
export function failure(code: ResultsErrorCode, detail?: string): AppFailure {
  return new AppFailure(code, RESULTS_ERRORS[code], detail);
}
