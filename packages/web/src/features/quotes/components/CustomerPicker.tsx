import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

/** A customer of the caller's book, searched by name as typed. */
export function CustomerPicker({
  value,
  name,
  error,
  label,
  required = true,
  onChange,
}: {
  value: string;
  name: string;
  error?: string;
  label?: string;
  required?: boolean;
  onChange: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: { id: string; name: string }[] }>(`/api/customers${buildQuery({ q, limit: 20 })}`, {
        signal,
      }),
    enabled: q.trim().length > 0,
  });
  const options = search.data?.items ?? [];
  const data = [
    ...(value && !options.some((c) => c.id === value) ? [{ value, label: name }] : []),
    ...options.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Select
      label={label ?? t('quotes.field.customer')}
      withAsterisk={required}
      clearable={!required}
      placeholder={t('quotes.field.customerPlaceholder')}
      searchable
      searchValue={q}
      onSearchChange={setQ}
      value={value || null}
      onChange={(id) => onChange(id ?? '', data.find((d) => d.value === id)?.label ?? '')}
      data={data}
      filter={({ options: all }) => all}
      error={error}
    />
  );
}
