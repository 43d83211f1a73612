import type { Area, AreaPreview } from '@kayoi/server/contracts';
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconEye, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { previewArea } from '../api/organization-api.ts';
import { areaMapQueryOptions, areasQueryOptions, useOrganizationActions } from '../hooks/useOrganization.ts';
import { AREA_COLORS, NO_AREA_COLOR } from './area-colors.ts';

const AreaMap = lazy(() => import('./AreaMap.tsx'));

/** Areas: the list (coloured as on the map), the selected area's definition editor with its preview, the map. */
export function AreasPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const areas = useQuery(areasQueryOptions);
  const map = useQuery(areaMapQueryOptions);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [preview, setPreview] = useState<AreaPreview | null>(null);

  const colorOf = useMemo(() => {
    const byId = new Map(
      (areas.data?.items ?? []).map((a, i) => [a.id, AREA_COLORS[i % AREA_COLORS.length]!]),
    );
    return (id: string | null) => (id ? (byId.get(id) ?? NO_AREA_COLOR) : NO_AREA_COLOR);
  }, [areas.data]);
  const highlighted = useMemo(
    () => new Set((preview?.customers ?? []).filter((c) => c.change !== 'out').map((c) => c.id)),
    [preview],
  );
  const selected = areas.data?.items.find((a) => a.id === selectedId) ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection clears the previous preview
  useEffect(() => setPreview(null), [selectedId]);

  if (areas.isPending) return <Skeleton height={320} />;
  if (areas.isError) return <ErrorState error={areas.error} onRetry={() => areas.refetch()} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 18rem' }}>
          {t('organization.areas.help')}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('organization.areas.create')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="sm">
          {areas.data.items.length === 0 && <Alert variant="light">{t('organization.areas.empty')}</Alert>}
          {areas.data.items.map((area) => (
            <AreaRow
              key={area.id}
              area={area}
              color={colorOf(area.id)}
              selected={area.id === selectedId}
              onSelect={() => setSelectedId(area.id === selectedId ? null : area.id)}
            />
          ))}
          {selected && (
            <AreaEditor key={selected.id} area={selected} canEdit={canEdit} onPreview={setPreview} />
          )}
        </Stack>
        <Box h={{ base: 320, md: 560 }} pos="relative" data-testid="area-map">
          {map.data ? (
            <Suspense fallback={<Skeleton h="100%" />}>
              <AreaMap
                customers={map.data.customers}
                colorOf={colorOf}
                highlighted={highlighted}
                label={t('organization.areas.mapLabel')}
                tilesFailedLabel={t('organization.areas.tilesFailed')}
              />
            </Suspense>
          ) : map.isError ? (
            <ErrorState error={map.error} onRetry={() => map.refetch()} />
          ) : (
            <Skeleton h="100%" />
          )}
        </Box>
      </SimpleGrid>
      {creating && (
        <CreateAreaDialog
          onClose={(id) => {
            setCreating(false);
            if (id) setSelectedId(id);
          }}
        />
      )}
    </Stack>
  );
}

function AreaRow({
  area,
  color,
  selected,
  onSelect,
}: {
  area: Area;
  color: string;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const parts = [
    ...area.definition.municipalities,
    ...area.definition.postcodePrefixes.map((p) => `〒${p}…`),
  ];
  return (
    <UnstyledButton onClick={onSelect} aria-expanded={selected} data-testid={`area-${area.name}`}>
      <Paper withBorder p="sm" style={selected ? { borderColor: color, borderWidth: 2 } : undefined}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Box w={14} h={14} style={{ borderRadius: '50%', background: color, flex: 'none' }} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text fw={600}>{area.name}</Text>
                {area.retiredAt && (
                  <Badge color="gray" variant="light">
                    {t('organization.retiredBadge')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {parts.length > 0 ? parts.join('、') : t('organization.areas.noDefinition')}
              </Text>
            </Stack>
          </Group>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('organization.areas.customers', { count: area.customerCount })}
          </Text>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** The definition editor: 市区町村/区 and postcode prefixes, a preview of who moves, save, apply, retire. */
function AreaEditor({
  area,
  canEdit,
  onPreview,
}: {
  area: Area;
  canEdit: boolean;
  onPreview: (preview: AreaPreview | null) => void;
}) {
  const { t } = useTranslation();
  const actions = useOrganizationActions();
  const [name, setName] = useState(area.name);
  const [municipalities, setMunicipalities] = useState<string[]>(area.definition.municipalities);
  const [postcodes, setPostcodes] = useState<string[]>(area.definition.postcodePrefixes);
  const [preview, setPreview] = useState<AreaPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const dirty =
    name.trim() !== area.name ||
    municipalities.join('\n') !== area.definition.municipalities.join('\n') ||
    postcodes.join('\n') !== area.definition.postcodePrefixes.join('\n');
  const fields = actions.updateArea.error instanceof ApiError ? actions.updateArea.error.fields : {};

  const runPreview = async () => {
    setPreviewing(true);
    setPreviewError(null);
    try {
      const result = await previewArea(area.id, { municipalities, postcodePrefixes: postcodes });
      setPreview(result);
      onPreview(result);
    } catch (error) {
      setPreviewError(error);
    } finally {
      setPreviewing(false);
    }
  };
  const save = (then?: (saved: Area) => void) =>
    actions.updateArea.mutate(
      {
        id: area.id,
        input: {
          version: area.version,
          name: name.trim(),
          definition: { municipalities, postcodePrefixes: postcodes },
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('organization.saved') });
          then?.(saved);
        },
      },
    );
  const apply = (version: number) =>
    actions.applyArea.mutate(
      { id: area.id, version },
      {
        onSuccess: (result) => {
          setConfirming(false);
          setPreview(null);
          onPreview(null);
          notifications.show({
            color: 'teal',
            message: t('organization.areas.applied', { in: result.movedIn, out: result.movedOut }),
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
      },
    );
  const toggleRetired = () =>
    actions.updateArea.mutate(
      { id: area.id, input: { version: area.version, retired: area.retiredAt === null } },
      { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }) },
    );

  return (
    <Paper withBorder p="md" data-testid="area-editor">
      <Stack gap="sm">
        <TextInput
          label={t('organization.areas.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          disabled={!canEdit}
          maxLength={100}
        />
        <TagsInput
          label={t('organization.areas.municipalities')}
          description={t('organization.areas.municipalitiesHelp')}
          placeholder={t('organization.areas.municipalitiesPlaceholder')}
          value={municipalities}
          onChange={setMunicipalities}
          disabled={!canEdit}
          maxTags={100}
          splitChars={[',', '、', ' ']}
          acceptValueOnBlur
          clearable
        />
        <TagsInput
          label={t('organization.areas.postcodes')}
          description={t('organization.areas.postcodesHelp')}
          placeholder="530, 541-00"
          value={postcodes}
          onChange={setPostcodes}
          disabled={!canEdit}
          maxTags={100}
          splitChars={[',', '、', ' ']}
          acceptValueOnBlur
          error={Object.entries(fields).find(([k]) => k.startsWith('definition'))?.[1]}
          clearable
        />
        {canEdit && (
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={previewing ? <Loader size={14} /> : <IconEye size={16} />}
              onClick={runPreview}
              disabled={previewing}
            >
              {t('organization.areas.preview')}
            </Button>
            <Button onClick={() => save()} disabled={!dirty} loading={actions.updateArea.isPending}>
              {t('organization.save')}
            </Button>
            <Button
              color="teal"
              leftSection={<IconMapPin size={16} />}
              disabled={area.retiredAt !== null}
              onClick={async () => {
                if (!preview) await runPreview();
                setConfirming(true);
              }}
            >
              {t('organization.areas.apply')}
            </Button>
            <Button
              variant="subtle"
              color={area.retiredAt ? 'teal' : 'gray'}
              leftSection={area.retiredAt ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
              onClick={toggleRetired}
            >
              {t(area.retiredAt ? 'organization.reinstate' : 'organization.retire')}
            </Button>
          </Group>
        )}
        {previewError !== null && (
          <Alert color="red" variant="light">
            {errorMessage(previewError, t)}
          </Alert>
        )}
        {preview && <PreviewSummary preview={preview} />}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('organization.areas.applyTitle', { name: area.name })}
      >
        <Stack gap="md">
          {preview && <PreviewCounts preview={preview} />}
          {dirty && (
            <Alert variant="light" color="yellow">
              {t('organization.areas.applySavesFirst')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('organization.cancel')}
            </Button>
            <Button
              color="teal"
              loading={actions.applyArea.isPending || actions.updateArea.isPending}
              onClick={() => (dirty ? save((saved) => apply(saved.version)) : apply(area.version))}
            >
              {t('organization.areas.applyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PreviewCounts({ preview }: { preview: AreaPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="area-preview-counts">
      <Text fw={600}>{t('organization.areas.matched', { count: preview.matched })}</Text>
      <Group gap="xs">
        <Badge color="teal" variant="light">
          {t('organization.areas.moveIn', { count: preview.moveIn })}
        </Badge>
        <Badge color="orange" variant="light">
          {t('organization.areas.moveOut', { count: preview.moveOut })}
        </Badge>
        <Badge color="gray" variant="light">
          {t('organization.areas.stay', { count: preview.stay })}
        </Badge>
      </Group>
    </Stack>
  );
}

function PreviewSummary({ preview }: { preview: AreaPreview }) {
  const { t } = useTranslation();
  const moving = preview.customers.filter((c) => c.change !== 'stay');
  return (
    <Stack gap="xs">
      <PreviewCounts preview={preview} />
      {moving.length > 0 && (
        <ScrollArea.Autosize mah={220}>
          <Stack gap={4}>
            {moving.map((c) => (
              <Group key={c.id} gap="xs" wrap="nowrap">
                <Badge size="sm" color={c.change === 'in' ? 'teal' : 'orange'} variant="light" w={56}>
                  {t(`organization.areas.change.${c.change}`)}
                </Badge>
                <Text size="sm" truncate style={{ flex: 1 }}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed" truncate maw="45%">
                  {c.change === 'in' && c.currentAreaName
                    ? t('organization.areas.fromArea', { name: c.currentAreaName })
                    : c.address}
                </Text>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function CreateAreaDialog({ onClose }: { onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const { createArea } = useOrganizationActions();
  const [name, setName] = useState('');
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  const fields = createArea.error instanceof ApiError ? createArea.error.fields : {};
  return (
    <Modal opened onClose={() => onClose()} title={t('organization.areas.createTitle')}>
      <Stack gap="md">
        <TextInput
          label={t('organization.areas.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          maxLength={100}
          required
          data-autofocus
        />
        <TagsInput
          label={t('organization.areas.municipalities')}
          description={t('organization.areas.municipalitiesHelp')}
          placeholder={t('organization.areas.municipalitiesPlaceholder')}
          value={municipalities}
          onChange={setMunicipalities}
          splitChars={[',', '、', ' ']}
          acceptValueOnBlur
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose()}>
            {t('organization.cancel')}
          </Button>
          <Button
            disabled={!name.trim()}
            loading={createArea.isPending}
            onClick={() =>
              createArea.mutate(
                { name: name.trim(), definition: { municipalities, postcodePrefixes: [] } },
                { onSuccess: (area) => onClose(area.id) },
              )
            }
          >
            {t('organization.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
