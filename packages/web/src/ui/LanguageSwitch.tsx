import { Select, type SelectProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n.ts';
import { isLanguage } from '../i18n/language-storage.ts';

/** Language switch labelled 言語 / Language; the choice is saved on this device. */
export function LanguageSwitch(props: Omit<SelectProps, 'data' | 'value' | 'onChange'>) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={t('language.label')}
      leftSection={<IconLanguage size={16} />}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(next) => {
        if (isLanguage(next)) void changeLanguage(next);
      }}
      data={[
        { value: 'ja', label: t('language.ja') },
        { value: 'en', label: t('language.en') },
      ]}
      allowDeselect={false}
      comboboxProps={{ keepMounted: false }}
      {...props}
    />
  );
}
