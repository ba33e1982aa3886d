import { CLAIM_INFO, COMMENT_FLAGS, TECHNIQUES } from '@/lib/engine/categories';
import type { Settings, ToggleId } from '@/lib/settings';

const GROUPS: [string, [ToggleId, string][]][] = [
  [
    'Claims',
    [
      ['claim', 'With no named source'],
      ['claim-sourced', 'With a named source'],
    ],
  ],
  ['Persuasion techniques', Object.entries(TECHNIQUES).map(([id, info]) => [id as ToggleId, info.label])],
  ['Comment flags', Object.entries(COMMENT_FLAGS).map(([id, info]) => [`comment-${id}` as ToggleId, info.label])],
];

const CATEGORY_LABELS: Record<string, string> = {
  claim: CLAIM_INFO.label,
  ...Object.fromEntries(Object.entries(TECHNIQUES).map(([id, info]) => [id, info.label])),
  ...Object.fromEntries(Object.entries(COMMENT_FLAGS).map(([id, info]) => [id, `Comment flag: ${info.label}`])),
};

/** A rule id (`name-calling.labels`) as a reader reads it: "Name calling: labels". */
export function ruleLabel(ruleId: string): string {
  const dot = ruleId.indexOf('.');
  const category = CATEGORY_LABELS[dot < 0 ? ruleId : ruleId.slice(0, dot)];
  const rest = (dot < 0 ? '' : ruleId.slice(dot + 1)).replace(/[-_.]+/g, ' ').trim();
  if (!category) return ruleId;
  return rest ? `${category}: ${rest}` : category;
}

/**
 * One labelled checkbox per category; switching one applies to the page at once. Below them, the
 * rules the reader found not useful on a card, each with a "Restore" button.
 */
export function CategoryToggles({
  settings,
  onToggle,
  onRestore,
}: {
  settings: Settings;
  onToggle: (id: ToggleId, on: boolean) => void;
  onRestore?: (ruleId: string) => void;
}) {
  return (
    <div class="toggles">
      {GROUPS.map(([legend, toggles]) => (
        <fieldset key={legend}>
          <legend>{legend}</legend>
          {toggles.map(([id, label]) => (
            <label key={id}>
              <input
                type="checkbox"
                name={id}
                checked={!settings.disabledCategories.includes(id)}
                onChange={(event) => onToggle(id, (event.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      ))}
      {onRestore && settings.quietRules.length > 0 && (
        <fieldset class="quieted">
          <legend>Marks you found not useful</legend>
          <ul>
            {settings.quietRules.map((ruleId) => (
              <li key={ruleId} data-rule={ruleId}>
                {ruleLabel(ruleId)}{' '}
                <button type="button" name={`restore-${ruleId}`} aria-label={`Restore ${ruleLabel(ruleId)}`} onClick={() => onRestore(ruleId)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
