import { useState, type ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';

import { useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import type { SettingsInput } from '@shared/schemas/entities';
import { systemTimeZone } from '../../lib/timeZones';
import { FormError } from '../../ui/Field';
import { RestoreBackup } from '../settings/BackupPanel';
import { SettingsFields, validateSettings, type SettingsErrors } from '../settings/SettingsFields';

/** Shown once, before anything else: who is using this desk, for which city, on which clock. */
export function FirstRunScreen(): ReactElement {
  const { useCases, clock } = useDesk();
  const [value, setValue] = useState<SettingsInput>({ cityName: '', operatorName: '', defaultTimeZone: systemTimeZone(), locale: useDeskLocale() });
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  return (
    <main className="first-run">
      <section className="first-run__card" aria-labelledby="first-run-title">
        <p className="eyebrow">Response Desk</p>
        <h1 id="first-run-title">Set up this desk</h1>
        <p className="lead">
          The desk keeps your city&apos;s incident log, contact trees, statements and recovery checklists on this computer.
          It works without a network. A few details to start:
        </p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = validateSettings(value);
            setErrors(found);
            if (Object.keys(found).length > 0) return;
            setSaving(true);
            const input = { ...value, cityName: value.cityName.trim(), operatorName: value.operatorName.trim(), operatorRole: value.operatorRole?.trim() ?? '' };
            useCases.settings.save(input, { operator: input.operatorName, now: clock() }).catch((e: unknown) => {
              setFailure(`The settings could not be saved: ${String(e)}`);
              setSaving(false);
            });
          }}
        >
          <SettingsFields value={value} errors={errors} onChange={setValue} />
          <FormError>{failure}</FormError>
          <button type="submit" className="button button--primary button--large" disabled={saving}>
            Start using the desk
          </button>
        </form>
        <div className="first-run__restore">
          <p className="muted">Moving to a new laptop, or starting again after a failure?</p>
          <RestoreBackup operatorName={value.operatorName.trim() || 'Operator not yet named'} suggestedOperator={value.operatorName.trim()} label="Restore this desk from a backup…" />
        </div>
        <p className="first-run__cite">Built around the {citeGuide()}.</p>
      </section>
    </main>
  );
}
