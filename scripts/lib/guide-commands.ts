import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One command a document tells the reader to run, with the flags it passes. */
export interface GuideCommand {
  /** Where it was found: `guides/6_agents.md:112`. */
  readonly where: string;
  /** The script it runs, relative to the repository root: `scripts/run-agent.ts`. */
  readonly script: string;
  /** The `--flags` it passes, without values. */
  readonly flags: readonly string[];
  /** The command as written (one line, continuations joined). */
  readonly text: string;
}

// `pnpm tsx scripts/x.ts …`, `pnpm -s tsx …`, `pnpm exec tsx …`, `tsx scripts/x.ts …`
const TSX = /(?:\bpnpm\s+(?:-s\s+)?(?:exec\s+)?)?\btsx\s+(scripts\/[\w./-]+\.ts)([^`\n;&)#]*)/g;
// `pnpm dev`, `pnpm bench …`, `pnpm run package …`: root package.json scripts that run scripts/*.ts
const PNPM_SCRIPT = /\bpnpm\s+(?:run\s+)?(dev|bench|package)\b([^`\n;&)#]*)/g;

/** Joins shell line continuations so a command split over lines is read as one. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const start = i;
    let joined = lines[i] ?? '';
    while (joined.trimEnd().endsWith('\\') && i + 1 < lines.length) {
      joined = `${joined.trimEnd().slice(0, -1)} ${lines[i + 1] ?? ''}`;
      i += 1;
    }
    out.push({ line: start + 1, text: joined });
  }
  return out;
}

const oneLine = (text: string): string => text.trim().replace(/\s+/g, ' ');

const flagsOf = (args: string): string[] =>
  [...args.matchAll(/(?:^|[\s[|(])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1] as string);

/** Every script command in `text` (a Markdown file), prose and code blocks alike. */
export function extractCommands(file: string, text: string): GuideCommand[] {
  const found: GuideCommand[] = [];
  for (const { line, text: content } of logicalLines(text)) {
    const where = `${file}:${line}`;
    for (const m of content.matchAll(TSX)) {
      const [whole, script = '', args = ''] = m;
      found.push({ where, script, flags: flagsOf(args), text: oneLine(whole) });
    }
    for (const m of content.matchAll(PNPM_SCRIPT)) {
      const [whole, name = '', args = ''] = m;
      found.push({ where, script: `scripts/${name}.ts`, flags: flagsOf(args), text: oneLine(whole) });
    }
  }
  return found;
}

/** What a script's `--help` printed, and how it exited. */
export interface HelpResult {
  readonly exitCode: number;
  readonly output: string;
}

/**
 * The problems with `commands`: a script that does not exist, a `--help` that fails, or a flag the
 * usage does not mention. `help` runs a script with `--help` (once per script).
 */
export async function checkCommands(
  commands: readonly GuideCommand[],
  exists: (script: string) => boolean,
  help: (script: string) => Promise<HelpResult>,
): Promise<string[]> {
  const problems: string[] = [];
  // Each script's --help once, three at a time (each is a Node process).
  const scripts = [...new Set(commands.map((c) => c.script))].filter(exists);
  const helps = new Map<string, HelpResult>();
  for (let i = 0; i < scripts.length; i += 3) {
    const batch = scripts.slice(i, i + 3);
    const results = await Promise.all(batch.map(help));
    for (const [j, script] of batch.entries()) helps.set(script, results[j] as HelpResult);
  }
  for (const command of commands) {
    const result = helps.get(command.script);
    if (result === undefined) {
      problems.push(`${command.where}: ${command.script} does not exist (in \`${command.text}\`)`);
      continue;
    }
    if (result.exitCode !== 0) {
      problems.push(`${command.where}: ${command.script} --help exits ${result.exitCode}`);
      continue;
    }
    for (const flag of command.flags) {
      if (!new RegExp(`${flag}(?![a-z0-9-])`).test(result.output))
        problems.push(`${command.where}: ${command.script} does not accept ${flag} (in \`${command.text}\`)`);
    }
  }
  return problems;
}

/** The documents checked: every guide, the README and the infra README. */
export function documentsToCheck(root: string, guides: readonly string[]): { file: string; text: string }[] {
  return ['README.md', 'infra/README.md', ...guides.map((g) => `guides/${g}`)].map((file) => ({
    file,
    text: readFileSync(join(root, file), 'utf8'),
  }));
}
