import type { PopupMessage } from '@/lib/messages';

/** A labelled on/off switch: a checkbox with the switch role, styled as one. */
export function Switch({ name, label, hint, checked, onChange }: { name: string; label: string; hint?: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" name={name} checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span class="switch-label">
        {label}
        {hint && <span class="hint">{hint}</span>}
      </span>
    </label>
  );
}

/** The notice that stored settings were corrupt and replaced, kept until the reader dismisses it. */
export function SettingsProblem({ problem, change }: { problem: string | null; change: (message: PopupMessage) => unknown }) {
  if (!problem) return null;
  return (
    <p role="status" class="problem">
      Settings were reset: {problem}{' '}
      <button type="button" name="dismiss-problem" onClick={() => change({ type: 'dismiss-problem' })}>
        Dismiss
      </button>
    </p>
  );
}
