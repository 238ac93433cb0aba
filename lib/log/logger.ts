/**
 * The server's logger: one JSON object per line (pino), with the request id of the request being handled
 * (lib/log/context.ts) and every field and message put through lib/log/redact.ts. The format is in the README
 * ("Logs"). Server code logs through `logger`; the command line prints for people and keeps `console`.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { logLevel, type LogLevel } from "@/lib/env";
import { currentRequestId } from "./context";
import { redactFields, redactText, secretValues } from "./redact";

export type { Logger };

export interface LoggerOptions {
  /** Where lines go: a stream, or a file descriptor (default 1, standard output). */
  readonly destination?: DestinationStream | number;
  /** Default: LOG_LEVEL, else `info`. */
  readonly level?: LogLevel;
  /** Values to blank wherever they appear; default: the secrets of the environment (redact.ts `secretValues`). */
  readonly secrets?: readonly string[];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const redaction = { secrets: options.secrets ?? secretValues(process.env) };
  const destination =
    typeof options.destination === "number" || options.destination === undefined
      ? pino.destination({ dest: options.destination ?? 1, sync: true })
      : options.destination;
  return pino(
    {
      level: options.level ?? logLevel(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactFields(bindings, redaction),
        // Every field of a line, errors included (redact turns them into plain objects first).
        log: (fields) => redactFields(fields, redaction),
      },
      serializers: {
        // Already plain and redacted by formatters.log; pino's own serializer would only copy it again.
        err: (error: unknown) => error,
        msg: (message: unknown) => (typeof message === "string" ? redactText(message, redaction) : message),
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    destination,
  );
}

/** The process's logger, to standard output. */
export const logger: Logger = createLogger();
