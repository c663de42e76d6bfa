/**
 * How kubectl turns an error into stderr text and an exit status: one place,
 * after kubectl/pkg/cmd/util/helpers.go (checkErr, StandardErrorMessage,
 * MultilineError, MultipleErrors, UsageErrorf) and the flag-error hook that
 * adds `See 'kubectl get --help' for usage.` (observed on the 1.31 binary).
 */
import { ApiError } from '../apiserver/types.ts';

/** A plain kubectl error: printed as `error: <message>` (unless the message already starts with it). */
export class KubectlError extends Error {}

/** cmdutil.UsageErrorf: the message then `See '<command path> -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`);
  }
}

/** A flag parse error: `error: <pflag text>` then `See '<command path> --help' for usage.` */
export class FlagError extends KubectlError {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} --help' for usage.`);
  }
}

/** utilexec.ExitError: a remote command's exit status becomes kubectl's (`command terminated with exit code N`). */
export class RemoteExitError extends Error {
  constructor(readonly exitStatus: number) {
    super(`command terminated with exit code ${exitStatus}`);
  }
}

/** cmdutil.ErrExit: exit 1 and print nothing more (the command already reported). */
export class SilentExit extends Error {
  constructor(readonly exitCode = 1) {
    super('exit');
  }
}

/** Text printed verbatim (no `error: ` prefix), exit 1: kubectl's handleErr with a preformatted message. */
export class PreformattedError extends Error {}

/** utilerrors.Aggregate: several errors, each printed on its own line by MultipleErrors. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
}

/** cmdutil.AddSourceToErr: `error when <verb> "<file>": <message>`, keeping an API error an API error. */
export function addSourceToError(verb: string, source: string, err: unknown): Error {
  if (!source) return err as Error;
  if (err instanceof ApiError) {
    return new ApiError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
  }
  return new KubectlError(`error when ${verb} "${source}": ${(err as Error).message}`);
}

/** StandardErrorMessage: the `Error from server (Reason): ...` form of API errors. */
function standardMessage(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const status = err.status;
  if ((status.reason as string) === 'Unauthorized') return `error: You must be logged in to the server (${status.message})`;
  if (status.reason) return `Error from server (${status.reason}): ${status.message}`;
  return `Error from server: ${status.message}`;
}

function messageForError(err: Error): string {
  return standardMessage(err) ?? err.message;
}

/** The causes of an Invalid status as `field: message`, duplicates dropped (statusCausesToAggrError). */
function invalidCauses(err: ApiError): string[] {
  const seen = new Set<string>();
  for (const cause of err.status.details?.causes ?? []) seen.add(`${cause.field ?? ''}: ${cause.message}`);
  return [...seen];
}

/** The exact stderr text and exit status kubectl gives for `err` (checkErr). */
export function formatError(err: unknown): { stderr: string; exitCode: number } {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  const done = (msg: string, exitCode = 1) => ({ stderr: msg === '' || msg.endsWith('\n') ? msg : msg + '\n', exitCode });
  if (err instanceof SilentExit) return done('', err.exitCode);
  if (err instanceof RemoteExitError) return done(err.message, err.exitStatus);
  if (err instanceof ApiError && err.status.reason === 'Invalid') {
    const details = err.status.details;
    if (!details) return done('The request is invalid');
    let prefix = 'The request is invalid';
    if (details.kind || details.name) prefix = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
    const causes = invalidCauses(err);
    if (causes.length === 0) return done(prefix);
    if (causes.length === 1) return done(`${prefix}: ${causes[0]}\n`);
    return done(`${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`);
  }
  if (err instanceof AggregateError) return done(err.errors.map((e) => messageForError(e) + '\n').join(''));
  if (err instanceof PreformattedError) return done(err.message);
  const standard = standardMessage(err);
  if (standard !== undefined) return done(standard);
  if (err instanceof Error) {
    const msg = err.message;
    return done(msg.startsWith('error: ') ? msg : `error: ${msg}`);
  }
  return done(`error: ${String(err)}`);
}
