/** Where the core writes diagnostics. Never pass it passwords, keys or personal data. */
export interface Log {
  info(message: string): void;
  error(message: string): void;
}
export const stderrLog: Log = {
  info: (m) => process.stderr.write(`[core] ${m}\n`),
  error: (m) => process.stderr.write(`[core] ERROR ${m}\n`),
};
export const silentLog: Log = { info: () => {}, error: () => {} };
