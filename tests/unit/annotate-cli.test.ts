import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMENT_FLAG_IDS, SOURCING_IDS, TECHNIQUE_IDS } from '../../lib/engine/categories';
import { disqusPage, listingPage, newsPage, wordpressPage } from '../fixtures/layouts';
import { SEED_PATH, readSeed } from '../fixtures/seed';

/** The command-line contract of the annotation guide, section 4, written out independently. */
const span = { start: z.number().int().min(0), end: z.number().int().min(0), ruleId: z.string().min(1), explanation: z.string().min(1), confidence: z.number().min(0).max(1) };
const annotation = z.discriminatedUnion('kind', [
  z.object({ ...span, kind: z.literal('technique'), category: z.enum(TECHNIQUE_IDS) }),
  z.object({ ...span, kind: z.literal('claim'), category: z.literal('claim'), sourcing: z.enum(SOURCING_IDS) }),
]);
const report = z.union([
  z.object({
    file: z.string(),
    article: z.object({ title: z.string(), text: z.string(), annotations: z.array(annotation) }).nullable(),
    comments: z.array(
      z.object({
        author: z.string(),
        text: z.string(),
        flags: z.array(z.object({ category: z.enum(COMMENT_FLAG_IDS), ruleId: z.string().min(1), explanation: z.string().min(1), confidence: z.number().min(0).max(1) })),
      }),
    ),
  }),
  z.strictObject({ file: z.string(), error: z.string().min(1) }),
]);
type Report = z.infer<typeof report>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

async function annotate(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/annotate.ts', ...args], { cwd: ROOT });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'plainsight-cli-'));
const page = (name: string, html: string) => {
  const path = join(dir, name);
  writeFileSync(path, html);
  return path;
};
const seed = readSeed();

describe('annotate --format json', () => {
  let lines: Report[];
  let code: number;
  const files = {
    wordpress: page('wordpress.html', wordpressPage(seed)),
    missing: join(dir, 'no-such-page.html'),
    listing: page('listing.html', listingPage()),
    disqus: page('disqus.html', disqusPage(seed)),
    directory: dir,
    news: page('news.html', newsPage(seed)),
  };

  beforeAll(async () => {
    const result = await annotate('--format', 'json', '--marks', 'all', ...Object.values(files));
    code = result.code;
    lines = result.stdout.trimEnd().split('\n').map((line) => report.parse(JSON.parse(line)));
  }, 60_000);

  it('prints one object per file, in the order given, and nothing else', () => {
    expect(lines.map((l) => l.file)).toEqual(Object.values(files));
  });

  it('gives an error line for each unreadable file and exits non-zero after the others', () => {
    expect(code).toBe(1);
    expect(lines[1]).toEqual({ file: files.missing, error: 'no such file' });
    expect(lines[4]).toEqual({ file: files.directory, error: 'is a directory, not a file' });
  });

  it('returns a null article and no comments for a listing page', () => {
    expect(lines[2]).toMatchObject({ article: null, comments: [] });
  });

  it.each([0, 3, 5])('annotates the seed article found in layout #%i, each span slicing out its cue', (i) => {
    const line = lines[i]!;
    if (!('article' in line) || !line.article) throw new Error(`no article in ${line.file}`);
    const { text, annotations, title } = line.article;
    expect(title).toBe(seed.title);
    expect(text).toBe(seed.paragraphs.join('\n\n'));
    const cue = 'the first deployment of the US Space Force was to Qatar';
    expect(annotations).toContainEqual(expect.objectContaining({ kind: 'claim', start: text.indexOf(cue), end: text.indexOf(cue) + cue.length }));
    for (const a of annotations) {
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.end).toBeLessThanOrEqual(text.length);
      if (a.kind === 'technique') expect(a.explanation).toContain(text.slice(a.start, a.end).slice(1, 25));
    }
  });

  it('lists the seed comments with their flags', () => {
    const line = lines[0]!;
    if (!('comments' in line)) throw new Error('no comments');
    expect(line.comments.map((c) => c.author)).toEqual(seed.comments.map((c) => c.author));
    const flags = line.comments.map((c) => [...new Set(c.flags.map((f) => f.category))]);
    expect(flags).toEqual([[], [], ['insult'], ['insult'], ['dehumanizing'], ['unsourced-figure'], ['conspiracy']]);
  });
});

describe('annotate --text', () => {
  it('analyses the whole file as the article, with offsets into the file itself', async () => {
    const { stdout, code } = await annotate('--format', 'json', '--text', SEED_PATH);
    expect(code).toBe(0);
    const line = report.parse(JSON.parse(stdout));
    const content = readFileSync(SEED_PATH, 'utf8');
    if (!('article' in line) || !line.article) throw new Error('no article');
    expect(line.article.text).toBe(content);
    const slogan = line.article.annotations.find((a) => a.category === 'slogans');
    expect(content.slice(slogan!.start, slogan!.end)).toBe('Assad must stay');
    const idle = line.article.annotations.find((a) => a.category === 'loaded-language');
    expect(content.slice(idle!.start, idle!.end)).toBe('sitting idly');
  }, 30_000);
});

describe('annotate --format text', () => {
  it('prints a readable report: title, claims with sourcing, techniques with cues, flagged comments', async () => {
    const { stdout, code } = await annotate('--marks', 'all', page('report.html', wordpressPage(seed)));
    expect(code).toBe(0);
    expect(stdout).toContain(seed.title);
    expect(stdout).toMatch(/Claims \(\d+\)\n {2}\[vague source\] “Russia and Beijing are working rapidly/);
    expect(stdout).toContain('[named source]');
    expect(stdout).toContain('Name calling: “disloyal partner”');
    expect(stdout).toContain('Comments (7, 5 flagged)');
    expect(stdout).toMatch(/Just Me: .*\n {6}flags: Insult/);
  }, 30_000);

  it('shows the confident marks by default: a subset of all of them, each at least 0.5 sure', async () => {
    const all = report.parse(JSON.parse((await annotate('--format', 'json', '--marks', 'all', '--text', SEED_PATH)).stdout));
    const sure = report.parse(JSON.parse((await annotate('--format', 'json', '--text', SEED_PATH)).stdout));
    if (!('article' in all) || !all.article || !('article' in sure) || !sure.article) throw new Error('no article');
    expect(sure.article.annotations.length).toBeGreaterThan(0);
    expect(sure.article.annotations.length).toBeLessThan(all.article.annotations.length);
    for (const a of sure.article.annotations) {
      expect(a.confidence).toBeGreaterThanOrEqual(0.5);
      expect(all.article.annotations).toContainEqual(a);
    }
    // The seed's clearest cues are among the sure ones.
    const cues = sure.article.annotations.map((a) => sure.article!.text.slice(a.start, a.end));
    expect(cues).toContain('sitting idly');
    expect(cues).toContain('every nation’s space infrastructure is under threat');
  }, 30_000);

  it('refuses an unknown --marks level', async () => {
    const { stderr, code } = await annotate('--marks', 'most', SEED_PATH);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--marks must be "confident" or "all"[\s\S]*usage:/);
  }, 30_000);

  it('refuses an unknown format with the usage line', async () => {
    const { stderr, code } = await annotate('--format', 'xml', SEED_PATH);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--format must be "json" or "text"[\s\S]*usage:/);
  }, 30_000);
});
