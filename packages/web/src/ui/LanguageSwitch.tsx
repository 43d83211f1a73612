import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n.ts';
import { isLanguage } from '../i18n/language-storage.ts';

/**
 * Language switch, a native select labelled 言語 / Language so it works with every input method
 * and is easy to drive from end-to-end tests.
 */
export function LanguageSwitch(props: Omit<NativeSelectProps, 'data' | 'value' | 'onChange'>) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('language.label')}
      leftSection={<IconLanguage size={16} />}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void changeLanguage(next);
      }}
      data={[
        { value: 'ja', label: t('language.ja') },
        { value: 'en', label: t('language.en') },
      ]}
      {...props}
    />
  );
}
