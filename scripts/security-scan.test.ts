// The static scan's reading of electronegativity's CSV and of docs/SECURITY.md's accepted
// findings, and its verdict: HIGH and MEDIUM fail unless accepted with a justification. The scan
// itself runs as a step of `npm test` (scripts/run-tests.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge, parseAcceptedFindings, parseCsv, parseFindings, SECURITY_DOC, type Finding } from './security-scan.ts';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (check: string, severity: string, file: string, line = 3) =>
  `${check},"${severity}","FIRM","${file}","${line}:4","const win = new BrowserWindow({","Review ""this"", please, carefully",https://github.com/doyensec/electronegativity/wiki/${check}`;

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,c","d ""e""\nf"\r\ng,,N/A\n')).toEqual([
      ['a', 'b,c', 'd "e"\nf'],
      ['g', '', 'N/A'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
  });

  it("reads electronegativity's report, and refuses anything else", () => {
    const f = parseFindings(
      [
        HEADER,
        row('AUXCLICK_JS_CHECK', 'MEDIUM', 'electron/main.ts'),
        'CSP_GLOBAL_CHECK,"LOW","FIRM","N/A","0:0",N/A,"weak CSP",https://x',
        '',
      ].join('\r\n'),
    );
    expect(f).toEqual([
      {
        check: 'AUXCLICK_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'electron/main.ts',
        location: '3:4',
        description: 'Review "this", please, carefully',
      },
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'LOW',
        confidence: 'FIRM',
        file: 'N/A',
        location: '0:0',
        description: 'weak CSP',
      },
    ]);
    expect(parseFindings(HEADER + '\n')).toEqual([]);
    expect(() => parseFindings('')).toThrow(/header/);
    expect(() => parseFindings('{"runs":[]}')).toThrow(/header/);
    expect(() => parseFindings(`${HEADER}\nAUXCLICK_JS_CHECK,"MEDIUM"`)).toThrow(/fields/);
  });
});

const DOC = `# Security
## Static scan: accepted findings

| check | file | justification |
| --- | --- | --- |
| \`AUXCLICK_JS_CHECK\` | \`electron/main.ts\` | New windows are denied by setWindowOpenHandler whatever the click. |
| PRELOAD_JS_CHECK | * | The preload exposes one function per call and nothing of Electron's. |
| OPEN_EXTERNAL_JS_CHECK | electron/open-external.ts | ok |

## Next
| check | file | justification |
| --- | --- | --- |
| SANDBOX_JS_CHECK | * | This table is under another heading and accepts nothing at all. |
`;

describe('accepted findings (docs/SECURITY.md)', () => {
  it('reads the table under its heading; a row without a written justification accepts nothing', () => {
    const { accepted, invalid } = parseAcceptedFindings(DOC);
    expect(accepted.map((a) => [a.check, a.file])).toEqual([
      ['AUXCLICK_JS_CHECK', 'electron/main.ts'],
      ['PRELOAD_JS_CHECK', '*'],
    ]);
    expect(invalid).toEqual(['OPEN_EXTERNAL_JS_CHECK electron/open-external.ts: no written justification']);
  });

  it('without the heading nothing is accepted, and that is reported', () => {
    expect(parseAcceptedFindings('# Security\n| check | file | justification |')).toEqual({
      accepted: [],
      invalid: [expect.stringMatching(/no "Static scan: accepted findings" heading/)],
    });
  });

  it("the repository's own table parses, every row justified", () => {
    const { accepted, invalid } = parseAcceptedFindings(readFileSync(SECURITY_DOC, 'utf8'));
    expect(invalid).toEqual([]);
    expect(accepted.length).toBeGreaterThan(0);
  });
});

describe('verdict', () => {
  const f = (check: string, severity: string, file: string): Finding => ({
    check,
    severity,
    confidence: 'FIRM',
    file,
    location: '1:0',
    description: '',
  });
  const { accepted } = parseAcceptedFindings(DOC);

  it('fails HIGH and MEDIUM findings unless accepted for that check (and file), never LOW or INFORMATIONAL', () => {
    const v = judge(
      [
        f('AUXCLICK_JS_CHECK', 'MEDIUM', 'electron/main.ts'),
        f('AUXCLICK_JS_CHECK', 'MEDIUM', 'electron/capture-window.ts'), // accepted for main.ts only
        f('PRELOAD_JS_CHECK', 'MEDIUM', 'electron/anything.ts'), // accepted for any file
        f('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main.ts'),
        f('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/open-external.ts'), // its row has no justification
        f('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'),
        f('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL', 'package.json'),
      ],
      accepted,
    );
    expect(v.failing.map((x) => `${x.check} ${x.file}`)).toEqual([
      'AUXCLICK_JS_CHECK electron/capture-window.ts',
      'NODE_INTEGRATION_JS_CHECK electron/main.ts',
      'OPEN_EXTERNAL_JS_CHECK electron/open-external.ts',
    ]);
    expect(v.accepted).toHaveLength(2);
    expect(v.minor).toHaveLength(2);
    expect(v.unused).toEqual([]);
  });

  it('notes accepted entries that no longer match anything', () => {
    expect(judge([], accepted).unused.map((a) => a.check)).toEqual(['AUXCLICK_JS_CHECK', 'PRELOAD_JS_CHECK']);
  });
});
