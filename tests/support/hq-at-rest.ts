// What an HQ data folder must never hold, as one check for the attacker test's HQ and the demo's:
// no file or folder open to group or others, and none of the given byte strings (personal data,
// evidence bytes, private keys) in any file's bytes or name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything wrong with `dir` (empty: nothing), and how many files were searched. */
export function hqFolderProblems(
  dir: string,
  needles: [what: string, bytes: Buffer][],
  namesMustNotContain: string[] = [],
): { problems: string[]; files: string[] } {
  const problems: string[] = [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (statSync(p).mode & 0o077) problems.push(`${p} is open to group or others`);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  if (statSync(dir).mode & 0o077) problems.push(`${dir} is open to group or others`);
  walk(dir);
  for (const f of files) {
    const bytes = readFileSync(f);
    for (const [what, needle] of needles) if (bytes.includes(needle)) problems.push(`${what} in ${f}`);
    for (const n of namesMustNotContain) if (f.includes(n)) problems.push(`${n} in the name ${f}`);
  }
  return { problems, files };
}
