import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** CSV column → how to write its values, matching what the server's import accepts. */
const FORMATS = [
  { columns: '空欄・(削除)', key: 'blank' },
  { columns: '顧客コード', key: 'code' },
  { columns: '敬称', key: 'honorific' },
  { columns: '担当者メール', key: 'rep' },
  { columns: 'エリア', key: 'area' },
  { columns: 'ランク', key: 'rank' },
  { columns: 'ステータス', key: 'status' },
  { columns: '訪問曜日', key: 'weekdays' },
  { columns: '訪問時間帯', key: 'windows' },
  { columns: '訪問周期(日)・許容幅(日)・滞在時間(分)', key: 'numbers' },
  { columns: '緯度・経度', key: 'coords' },
] as const;

export function ImportFormatHelp() {
  const { t } = useTranslation();
  return (
    <>
      <Text size="xs" c="dimmed" fw={600} mt="xs">
        {t('import.formats.title')}
      </Text>
      <Table fz="xs" verticalSpacing={4} withRowBorders={false} data-testid="import-formats">
        <Table.Tbody>
          {FORMATS.map((format) => (
            <Table.Tr key={format.key}>
              <Table.Td fw={600} w="40%" style={{ verticalAlign: 'top' }}>
                {format.columns}
              </Table.Td>
              <Table.Td c="dimmed">{t(`import.formats.${format.key}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
