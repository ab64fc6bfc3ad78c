// Shared helpers for CLI commands: argument parsing, JSON/human output, and the bad-input error (exit code 2).
import { type ParseArgsConfig, parseArgs } from "node:util";
import { DomainError } from "../domain/shared/errors.ts";

/** A command returns its exit code (0 when omitted). */
export type CliCommand = (argv: string[]) => Promise<number | undefined> | number | undefined;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** parseArgs with a one-line Vietnamese error instead of Node's English exception. */
export function parseCli<T extends ParseArgsConfig["options"]>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const opt = /'(-{1,2}[\w-]+)/.exec(msg)?.[1];
    throw new CliError(opt ? `tham số không hợp lệ hoặc thiếu giá trị: ${opt}` : `tham số không hợp lệ (${msg})`);
  }
}

/** Turns a domain error into the CLI's one-line message naming the field. */
export function fromDomain(e: unknown): never {
  if (e instanceof DomainError) {
    // Domain messages usually start with their field already; do not say it twice.
    throw new CliError(e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`);
  }
  throw e;
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
