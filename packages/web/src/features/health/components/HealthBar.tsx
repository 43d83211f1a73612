import type { HealthBand } from '@kayoi/server/contracts';
import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const bandColor: Record<HealthBand, string> = { good: 'teal', watch: 'yellow', at_risk: 'red' };

/** The health score as a coloured bar (red at risk, yellow watch, green good) with the number. */
export function HealthBar({ score, band, width = 140 }: { score: number; band: HealthBand; width?: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap" data-testid="health-bar" data-band={band}>
      <Progress
        value={Math.max(score, 3)}
        color={bandColor[band]}
        size="lg"
        radius="sm"
        w={width}
        aria-label={t('health.scoreLabel', { score })}
      />
      <Text size="sm" fw={700} c={bandColor[band]} miw={28} ta="right">
        {score}
      </Text>
    </Group>
  );
}
