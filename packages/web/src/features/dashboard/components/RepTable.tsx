import type { KpiByRep, KpiRecordKind, KpiRepRow } from '@kayoi/server/contracts';
import { Anchor, Paper, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FigureKey, type FigureKind, formatFigure } from '../utils/kpi-format.ts';

const columns: { key: FigureKey; labelKey: string; kind: FigureKind; drill?: KpiRecordKind }[] = [
  { key: 'ordersWon', labelKey: 'dashboard.kpi.ordersWon', kind: 'count', drill: 'ordersWon' },
  { key: 'ordersWonAmountExclTax', labelKey: 'dashboard.table.amount', kind: 'yen', drill: 'ordersWon' },
  { key: 'formsCollected', labelKey: 'dashboard.kpi.formsCollected', kind: 'count', drill: 'formsCollected' },
  { key: 'retentionRate', labelKey: 'dashboard.kpi.retentionRate', kind: 'rate', drill: 'retention' },
  { key: 'repeatRate', labelKey: 'dashboard.kpi.repeatRate', kind: 'rate', drill: 'repeat' },
  {
    key: 'revenuePerCustomerExclTax',
    labelKey: 'dashboard.kpi.revenuePerCustomer',
    kind: 'yen',
    drill: 'revenuePerCustomer',
  },
  {
    key: 'activeCustomers',
    labelKey: 'dashboard.kpi.activeCustomers',
    kind: 'count',
    drill: 'activeCustomers',
  },
  { key: 'satisfactionMean', labelKey: 'dashboard.kpi.satisfaction', kind: 'score', drill: 'satisfaction' },
  { key: 'visitsDone', labelKey: 'dashboard.table.visits', kind: 'count', drill: 'visitsDone' },
  {
    key: 'overdueCustomers',
    labelKey: 'dashboard.activity.overdue',
    kind: 'count',
    drill: 'overdueCustomers',
  },
];

interface RepTableProps {
  data: KpiByRep;
  onDrill(kpi: KpiRecordKind, label: string, repId: string): void;
  onOpenRep(repId: string): void;
}

/** Every KPI by rep, with the scope's total; a figure opens its records for that rep. */
export function RepTable({ data, onDrill, onOpenRep }: RepTableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const cell = (row: KpiRepRow, column: (typeof columns)[number]) => {
    const text = formatFigure(row.figures[column.key], column.kind, lng);
    if (!column.drill || text === '—') return text;
    const drill = column.drill;
    return (
      <UnstyledButton
        fz="sm"
        onClick={() => onDrill(drill, `${t(column.labelKey)} · ${row.repName}`, row.repId)}
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 4 }}
      >
        {text}
      </UnstyledButton>
    );
  };
  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto">
        <Table striped highlightOnHover stickyHeader miw={980} data-testid="kpi-rep-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.table.rep')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t(c.labelKey)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.repId} data-testid="kpi-rep-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component="button" type="button" fz="sm" onClick={() => onOpenRep(row.repId)}>
                    {row.repName || t('dashboard.table.unnamed')}
                  </Anchor>
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {cell(row, c)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('dashboard.table.total')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {formatFigure(data.total[c.key], c.kind, lng)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
      {data.rows.length === 0 && (
        <Text c="dimmed" p="md" size="sm">
          {t('dashboard.table.empty')}
        </Text>
      )}
    </Paper>
  );
}
