import { COMMENT_FLAG_IDS, TECHNIQUE_IDS } from './engine/categories';
import { onFirstUse, z } from './zod-mini';

/**
 * The reader's settings: on/off globally, per site and per category. Stored in extension storage,
 * versioned with migrations and validated on every read: a corrupt value is reported and replaced
 * by the last good one (or the defaults), never trusted and never fatal.
 */

/** Every category a reader can switch; comment flags carry the `comment-` prefix of their highlights. */
/** `claim`: claims with no named source (or a vague one); `claim-sourced`: claims that name theirs. */
export const TOGGLE_IDS = ['claim', 'claim-sourced', ...TECHNIQUE_IDS, ...COMMENT_FLAG_IDS.map((id) => `comment-${id}` as const)] as const;
export type ToggleId = (typeof TOGGLE_IDS)[number];

/** Which marks the reader sees: the confident ones (the default), or every mark the engine makes. */
export const MARK_LEVELS = ['confident', 'all'] as const;
export type MarkLevel = (typeof MARK_LEVELS)[number];

export const SETTINGS_VERSION = 4;

/** A rule id as the packs spell it (`loaded-language.charged-words`): a short, plain token. */
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;

export const settingsSchema = onFirstUse(() =>
  z.strictObject({
    version: z.literal(SETTINGS_VERSION),
    enabled: z.boolean(),
    /** Host names where Plainsight stays off. */
    disabledSites: z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(10_000)),
    disabledCategories: z.array(z.enum(TOGGLE_IDS)),
    marks: z.enum(MARK_LEVELS),
    /** Rules the reader found not useful ("Not useful" on a card): their marks are no longer shown. */
    quietRules: z
      .array(z.string().check(z.maxLength(200), z.regex(RULE_ID, { error: 'is not a rule id (lower-case letters, digits, ".", "-", "_")' })))
      .check(z.maxLength(1_000)),
  }),
);
export type Settings = z.infer<ReturnType<typeof settingsSchema>>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, enabled: true, disabledSites: [], disabledCategories: [], marks: 'confident', quietRules: [] };

/** Version 1 kept a single `off` list mixing host names and categories. */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const off = Array.isArray(old.off) ? old.off.filter((x): x is string => typeof x === 'string') : [];
    const categories = new Set<string>(TOGGLE_IDS);
    return {
      version: 2,
      enabled: old.enabled ?? true,
      disabledSites: off.filter((x) => !categories.has(x)),
      disabledCategories: off.filter((x) => categories.has(x)),
    };
  },
  /** Version 3 added the choice between confident and all marks; confident is the default. */
  2: (old) => ({ ...old, version: 3, marks: 'confident' }),
  /** Version 4 added the rules the reader quieted; none at first. */
  3: (old) => ({ ...old, version: 4, quietRules: [] }),
};

export type SettingsRead = { settings: Settings; problem: string | null };

/** Migrates and validates a stored value; `problem` says what was wrong when it could not be used. */
export function parseSettings(raw: unknown): { settings: Settings } | { problem: string } {
  if (raw === undefined) return { settings: DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'stored settings are not an object' };
  let value = raw as Record<string, unknown>;
  for (let guard = 0; typeof value.version === 'number' && value.version < SETTINGS_VERSION && guard < 10; guard++) {
    const migrate = migrations[value.version];
    if (!migrate) return { problem: `stored settings have version ${value.version}, which has no migration` };
    value = migrate(value);
  }
  const parsed = settingsSchema().safeParse(value);
  if (parsed.success) return { settings: parsed.data };
  return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ') };
}

const KEY = 'settings';
const LAST_GOOD_KEY = 'settingsLastGood';
/** Why the settings were last reset; kept until the reader dismisses the notice in the popup. */
const NOTICE_KEY = 'settingsNotice';

/** The part of an extension storage area the stores use (promise style, as WXT's browser gives it). */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * Reads and writes the settings in one storage area; the background worker owns it. Every read
 * and write waits for the ones before it, so a change reads what the previous change stored:
 * twelve quick clicks are twelve changes kept, not one.
 */
export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageArea,
    private readonly report: (problem: string) => void = (p) => console.warn(`[plainsight] ${p}`),
  ) {}

  /** The settings, and why they were reset if the reader has not dismissed that yet. */
  read(): Promise<SettingsRead> {
    return this.serial(() => this.readNow());
  }

  /** Validates before writing: a bad update is refused and the stored settings stay as they were. */
  write(settings: Settings): Promise<Settings> {
    return this.serial(() => this.writeNow(settings));
  }

  update(change: (current: Settings) => Settings): Promise<Settings> {
    return this.serial(async () => this.writeNow(change((await this.readNow()).settings)));
  }

  /** The reader has seen why the settings were reset. */
  dismissProblem(): Promise<void> {
    return this.serial(() => this.area.remove(NOTICE_KEY));
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNow(): Promise<SettingsRead> {
    const stored = await this.area.get([KEY, LAST_GOOD_KEY, NOTICE_KEY]);
    const current = parseSettings(stored[KEY]);
    const notice = typeof stored[NOTICE_KEY] === 'string' ? stored[NOTICE_KEY] : null;
    if ('settings' in current) return { settings: current.settings, problem: notice };
    const lastGood = stored[LAST_GOOD_KEY] === undefined ? null : parseSettings(stored[LAST_GOOD_KEY]);
    const recovered = lastGood && 'settings' in lastGood ? lastGood.settings : null;
    const settings = recovered ?? DEFAULT_SETTINGS;
    const problem = `corrupt settings replaced by the ${recovered ? 'last good ones' : 'defaults'} (${current.problem})`;
    this.report(problem);
    await this.area.set({ [KEY]: settings, [NOTICE_KEY]: problem });
    return { settings, problem };
  }

  private async writeNow(settings: Settings): Promise<Settings> {
    const valid = settingsSchema().parse(settings);
    await this.area.set({ [KEY]: valid, [LAST_GOOD_KEY]: valid });
    return valid;
  }
}

/** Whether Plainsight runs on a page of this host. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}
