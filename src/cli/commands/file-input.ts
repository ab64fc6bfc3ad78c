// Reads a JSON input file for a CLI command, turning every failure into a one-line Vietnamese error.
import { readFileSync } from "node:fs";
import { CliError } from "../io.ts";

export function readJsonFile(path: string | undefined, flag = "--file"): unknown {
  if (!path) throw new CliError(`${flag}: cần đường dẫn tới tệp JSON`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${flag}: không đọc được tệp "${path}"${code === "ENOENT" ? " (không tồn tại)" : ` (${code})`}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${flag}: tệp "${path}" không phải JSON hợp lệ (${(e as Error).message})`);
  }
}
