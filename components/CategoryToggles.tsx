import { CLAIM_INFO, COMMENT_FLAGS, TECHNIQUES } from '@/lib/engine/categories';
import type { Settings, ToggleId } from '@/lib/settings';

const GROUPS: [string, [ToggleId, string][]][] = [
  ['Claims', [['claim', CLAIM_INFO.label + 's']]],
  ['Persuasion techniques', Object.entries(TECHNIQUES).map(([id, info]) => [id as ToggleId, info.label])],
  ['Comment flags', Object.entries(COMMENT_FLAGS).map(([id, info]) => [`comment-${id}` as ToggleId, info.label])],
];

/** One labelled checkbox per category; switching one applies to the page at once. */
export function CategoryToggles({ settings, onToggle }: { settings: Settings; onToggle: (id: ToggleId, on: boolean) => void }) {
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
    </div>
  );
}
