import { useState, type ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';

import { useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import { systemTimeZone } from '../../lib/timeZones';
import { FormError } from '../../ui/Field';
import { RestoreBackup } from '../settings/BackupPanel';
import { SettingsFields, useSettingsForm } from '../settings/SettingsFields';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';
import { useAppStore } from '../../store';
import { DeskForm } from '../../ui/DeskForm';

/** Shown once, before anything else: who is using this desk, for which city, on which clock. */
export function FirstRunScreen(): ReactElement {
  const { useCases, clock } = useDesk();
  const { value, setValue, errors, valid } = useSettingsForm({
    cityName: '',
    operatorName: '',
    defaultTimeZone: systemTimeZone(),
    locale: useDeskLocale(),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const setDeskJustMade = useAppStore((s) => s.setDeskJustMade);

  return (
    <main className="first-run">
      <section className="first-run__card" aria-labelledby="first-run-title">
        <p className="eyebrow">{t('setup.firstRunScreen.responseDesk')}</p>
        <h1 id="first-run-title">{t('setup.firstRunScreen.setUpThisDesk')}</h1>
        <p className="lead">{t('setup.firstRunScreen.theDeskKeepsYourCity')}</p>
        <DeskForm
          onSubmit={() => {
            if (!valid()) return;
            setSaving(true);
            const input = {
              ...value,
              cityName: value.cityName.trim(),
              operatorName: value.operatorName.trim(),
              operatorRole: value.operatorRole?.trim() ?? '',
            };
            const failed = (error: string) => {
              setFailure(t('setup.firstRunScreen.theSettingsCouldNotBe', { error }));
              setSaving(false);
            };
            useCases.settings.save(input, { operator: input.operatorName, now: clock() }).then(
              (r) => (r.ok ? setDeskJustMade(true) : failed(describeNotWritten(r.error))),
              (e: unknown) => failed(String(e)),
            );
          }}
        >
          <SettingsFields value={value} errors={errors} onChange={setValue} />
          <FormError>{failure}</FormError>
          <button type="submit" className="button button--primary button--large" disabled={saving}>
            {t('setup.firstRunScreen.startUsingTheDesk')}
          </button>
        </DeskForm>
        <div className="first-run__restore">
          <p className="muted">{t('setup.firstRunScreen.movingToANewLaptop')}</p>
          <RestoreBackup
            operatorName={value.operatorName.trim() || t('setup.firstRunScreen.operatorNotYetNamed')}
            suggestedOperator={value.operatorName.trim()}
            label={t('setup.firstRunScreen.restoreThisDeskFromA')}
          />
        </div>
        <p className="first-run__cite">{t('setup.firstRunScreen.builtAroundThe', { guide: citeGuide() })}</p>
      </section>
    </main>
  );
}
