import type { ErrorDescriber } from '../contract/failure';
import { TransportError } from '../http/errors';
import { SobotAddTaskUncertainError, SobotError, SobotValidationError, toAppError } from './errors';

/** Lets the contract dispatcher localise every error the Sobot client rejects with. */
export const describeSobotError: ErrorDescriber = (error, locale) =>
  error instanceof SobotError ||
  error instanceof TransportError ||
  error instanceof SobotValidationError ||
  error instanceof SobotAddTaskUncertainError
    ? toAppError(error, locale)
    : undefined;
