/** `iamsim checks`: lists every registered check with its practice, title, severity, references and remediation kind. */
import { Option, type Command } from 'commander';
import { ALL_CHECKS } from '../../checks/registry.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';

/** One row of the listing, also the JSON shape. */
export interface CheckListing {
  readonly id: string;
  readonly practice: number;
  readonly title: string;
  readonly severity: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** The listing, in registry order sorted by practice. */
export function listChecks(): CheckListing[] {
  return [...ALL_CHECKS]
    .map((c, i) => [c, i] as const)
    .sort((a, b) => a[0].meta.practice - b[0].meta.practice || a[1] - b[1])
    .map(([c]) => ({
      id: c.meta.id,
      practice: c.meta.practice,
      title: c.meta.title,
      severity: c.meta.severity,
      remediation: c.meta.remediation,
      references: c.meta.references,
      defaults: c.meta.defaults ?? {},
    }));
}

/** Registers `iamsim checks`. */
export const registerChecks: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('checks')
    .description('List the best-practice checks: id, practice, title, severity, references, remediation kind')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: 'text' | 'json' }) => {
      const rows = listChecks();
      if (opts.format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
      else {
        let practice = 0;
        for (const r of rows) {
          if (r.practice !== practice) {
            practice = r.practice;
            io.out(`\nPractice ${practice}\n`);
          }
          io.out(`  ${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.remediation.padEnd(7)} ${r.title}\n`);
          io.out(`  ${''.padEnd(34)} ${r.references.filter((x) => !x.startsWith('http')).join('; ') || r.references[0] || ''}\n`);
        }
        io.out(`\n${rows.length} checks\n`);
      }
      box.code = EXIT.ok;
    });
};
