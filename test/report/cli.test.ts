/** The report formats through the CLI, in-process: --format html|junit|sarif, --out written atomically, bad arguments exit 2. */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { junitProblems, parseXml } from './xml-check.js';

async function cli(args: readonly string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {}, cwd };
  return { code: await run(args, io), out, err };
}

const ROOT = resolve('.');
const work = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'iamsim-report-cli-'));
  copyFileSync(join(ROOT, 'scenarios/practice-02-root-keys-mfa.yaml'), join(d, 'p2.yaml'));
  copyFileSync(join(ROOT, 'scenarios/contractor.yaml'), join(d, 'contractor.yaml'));
  return d;
};

describe('simulate report formats', () => {
  it('--format html --out writes one page and leaves no temporary file', async () => {
    const d = work();
    const r = await cli(['simulate', 'contractor.yaml', '--format', 'html', '--out', 'story.html'], d);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toBe('wrote story.html\n');
    expect(readFileSync(join(d, 'story.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*A contractor&#39;s access ends with the contract/);
    expect(readdirSync(d).sort()).toEqual(['contractor.yaml', 'p2.yaml', 'story.html']);
  });

  it('--format junit prints well-formed JUnit with a suite per file', async () => {
    const d = work();
    const r = await cli(['simulate', 'contractor.yaml', 'p2.yaml', '--format', 'junit'], d);
    expect(r.code).toBe(0);
    const root = parseXml(r.out);
    expect(junitProblems(root)).toEqual([]);
    expect(root.children).toHaveLength(2);
  });

  it('refuses to overwrite an input, html for several files, --out with text, and unknown formats (exit 2)', async () => {
    const d = work();
    const before = readFileSync(join(d, 'contractor.yaml'), 'utf8');
    const same = await cli(['simulate', 'contractor.yaml', '--format', 'junit', '--out', 'contractor.yaml'], d);
    expect(same.code).toBe(2);
    expect(same.err).toContain('refusing to overwrite the input file contractor.yaml');
    expect(same.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(d, 'contractor.yaml'), 'utf8')).toBe(before);
    const many = await cli(['simulate', 'contractor.yaml', 'p2.yaml', '--format', 'html', '--out', 'x.html'], d);
    expect(many.code).toBe(2);
    expect(many.err).toContain('exactly one scenario file');
    expect((await cli(['simulate', 'p2.yaml', '--out', 'x.txt'], d)).code).toBe(2);
    const bogus = await cli(['simulate', 'p2.yaml', '--format', 'pdf'], d);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toContain('pdf');
    expect(existsSync(join(d, 'x.html'))).toBe(false);
  });

  it('refuses an --out that already exists (exit 2), for simulate and for audit reports, and leaves it as it was', async () => {
    const d = work();
    expect((await cli(['simulate', 'contractor.yaml', '--format', 'junit', '--out', 'r.xml'], d)).code).toBe(0);
    const before = readFileSync(join(d, 'r.xml'), 'utf8');
    for (const args of [['simulate', 'p2.yaml', '--format', 'json', '--out', 'r.xml'], ['audit', 'p2.yaml', '--format', 'sarif', '--out', 'r.xml']]) {
      const r = await cli(args, d);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('--out: r.xml already exists');
      expect(r.err).toContain('choose a new file name or delete it first');
    }
    expect(readFileSync(join(d, 'r.xml'), 'utf8')).toBe(before);
  });
});

describe('audit report formats', () => {
  it('--format sarif --out writes a SARIF 2.1.0 log; the exit code still follows --fail-on', async () => {
    const d = work();
    const r = await cli(['audit', 'p2.yaml', '--format', 'sarif', '--out', 'audit.sarif'], d);
    const log = JSON.parse(readFileSync(join(d, 'audit.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(r.code).toBe(log.runs[0]!.results.length > 0 ? 1 : 0);
    expect(r.out).toBe('');
  });

  it('--format junit and html print to standard output without --out', async () => {
    const d = work();
    const j = await cli(['audit', 'p2.yaml', '--format', 'junit'], d);
    expect(junitProblems(parseXml(j.out))).toEqual([]);
    const h = await cli(['audit', 'p2.yaml', '--format', 'html', '--checks', 'root-access-key-active,root-mfa-missing'], d);
    expect(h.out).toMatch(/^<!DOCTYPE html>/);
    expect(h.out).toContain('Summary by practice and severity');
    expect(h.out).toContain('Access-level review (practice 7)');
  });

  it('a report format with --fix, or --out onto the input, is a usage error (exit 2)', async () => {
    const d = work();
    const fix = await cli(['audit', 'p2.yaml', '--format', 'html', '--fix', '--out', 'r.html'], d);
    expect(fix.code).toBe(2);
    expect(fix.err).toContain('not combined with --fix');
    const same = await cli(['audit', 'p2.yaml', '--format', 'sarif', '--out', 'p2.yaml'], d);
    expect(same.code).toBe(2);
    expect(same.err).toContain('refusing to overwrite the input file');
    expect(existsSync(join(d, 'r.html'))).toBe(false);
  });
});
