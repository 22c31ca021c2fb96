/** Structured fields only. Never put incident content, names or file contents in them. */
export type LogFields = Record<string, unknown>;

/** The logger every main-process module receives. */
export type Logger = {
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
};

function fieldsText(fields: LogFields | undefined): string {
  if (fields === undefined) return '';
  const safe = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message } : value,
    ]),
  );
  return ` ${JSON.stringify(safe)}`;
}

/** A logger writing one line per event to the console, tagged with its scope. */
export function createConsoleLogger(scope: string, sink: Pick<Console, 'log' | 'warn' | 'error'> = console): Logger {
  const line = (level: string, message: string, fields?: LogFields) =>
    `[${level}] [${scope}] ${message}${fieldsText(fields)}`;
  return {
    info: (message, fields) => sink.log(line('info', message, fields)),
    warn: (message, fields) => sink.warn(line('warn', message, fields)),
    error: (message, fields) => sink.error(line('error', message, fields)),
  };
}
