// `tend import` on a client's export (issue 14): it prints why a column was not mapped and the
// conversion on offer (the words the wizard shows), lists unknown values with the --value to map
// them, takes --value and --update, and the churned accounts it lands count in `tend metrics`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { AS_OF, MIGRATIONS, tempDir } from '../../helpers';

const CLIENT = path.resolve('test', 'fixtures', 'import', 'client-accounts.csv');

async function tend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, migrationsFolder: MIGRATIONS });
  return { code, stdout, stderr };
}

describe('tend import on a file nobody on the team wrote', () => {
  it('prints why Company Size was not mapped, the conversion on offer, and the unknown values with the --value that maps them', async () => {
    const db = path.join(tempDir(), 'book.db');
    const { code, stdout } = await tend('--db', db, '--as-of', AS_OF, 'import', 'accounts', CLIENT, '--dry-run');
    expect(code).toBe(3);
    expect(stdout).toContain(
      '  not mapped: Company Size: 12 of 12 values are numbers, not segments, so it was kept as a custom field; to read them as employee counts → segment (< 100 smb, 100–999 mid_market, ≥ 1,000 enterprise; thresholds in Settings), pass --map "Company Size=employees".',
    );
    expect(stdout).toContain('Values Tend does not know (their rows are skipped; say what each means with --value):\n  Lifecycle Stage → stage: "Closed Won" (2 rows), "Paying" (2 rows)');
    expect(stdout).toContain('--value "stage:Closed Won=VALUE", VALUE one of incubation, onboarding, adoption, expansion, triage, churned');
    expect(stdout).toContain('3 accounts would land churned, each with a churn event at its churn date');
  });

  it('takes --map and --value, lands every row, and `tend metrics --month` counts the churned accounts', async () => {
    const db = path.join(tempDir(), 'book.db');
    const imported = await tend(
      '--db', db, '--as-of', AS_OF, 'import', 'accounts', CLIENT, '--json',
      '--map', 'Company Size=employees', '--value', 'stage:Closed Won=onboarding', '--value', 'stage:Paying=adoption',
    );
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({ inserted: 12, skipped: 0, churned: 3, suggestions: [], unknownValues: [] });
    const october = JSON.parse((await tend('--db', db, '--as-of', AS_OF, 'metrics', '--month', '2026-10', '--json')).stdout);
    expect(october.logoChurnRate).toBeCloseTo(2 / 11, 10); // Fir & Co and Ginkgo Health, of 11 active at the end of September
    expect(october.netMrrChurnRate).toBeGreaterThan(0);
  });

  it('keeps an edit made in the app unless --update overwrite, and prints each change old → new', async () => {
    const db = path.join(tempDir(), 'book.db');
    const file = path.join(tempDir(), 'a.csv');
    const fs = await import('node:fs');
    fs.writeFileSync(file, 'Id,Name,Notes\nA1,Acme,From the CRM\n');
    await tend('--db', db, '--as-of', AS_OF, 'import', 'accounts', file);
    const { openDatabase } = await import('../../../electron/db/open');
    const opened = await openDatabase(db, { migrationsFolder: MIGRATIONS });
    opened.sqlite.prepare(`UPDATE accounts SET notes = 'Wants SSO', edited_in_app = '{"notes":"2026-11-20T09:00:00.000Z"}'`).run();
    opened.close();
    fs.writeFileSync(file, 'Id,Name,Notes\nA1,Acme,Renewal call booked\n');

    const kept = await tend('--db', db, '--as-of', AS_OF, 'import', 'accounts', file, '--dry-run');
    expect(kept.stdout).toContain('  row 2, Acme:\n    Notes: kept "Wants SSO" (edited in Tend on 2026-11-20; the file says "Renewal call booked")');
    expect(kept.stdout).toContain('1 field in 1 row would keep Tend\'s value (edited in Tend); --update overwrite writes the file\'s values instead.');
    const overwritten = await tend('--db', db, '--as-of', AS_OF, 'import', 'accounts', file, '--update', 'overwrite');
    expect(overwritten.stdout).toContain('    Notes: "Wants SSO" → "Renewal call booked"');
    const bad = await tend('--db', db, 'import', 'accounts', file, '--update', 'sometimes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--update must be keep-edits (keep what you edited in Tend), overwrite (the file wins) or fill-empty (fill only what is empty), not "sometimes".');
  });

  it('refuses a --value that is not "field:value=meaning", and one naming no value of the field, changing nothing', async () => {
    const db = path.join(tempDir(), 'book.db');
    const usage = await tend('--db', db, 'import', 'accounts', CLIENT, '--value', 'Customer=adoption');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--value takes "field:value in the file=what it means", like --value "stage:Customer=adoption"');
    const wrong = await tend('--db', db, 'import', 'accounts', CLIENT, '--value', 'stage:Customer=paying');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('The values of stage cannot be mapped that way: "paying" is not one of the lifecycle stages');
    const accounts = JSON.parse((await tend('--db', db, 'accounts', '--json')).stdout);
    expect(accounts).toEqual([]);
  });
});
