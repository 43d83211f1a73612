import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { CustomerHistory } from '../api/customer-types.ts';
import { buildCustomer, buildHistoryEntry } from '../testing/customer-factories.ts';
import { CustomerHistoryCard } from './CustomerHistoryCard.tsx';

// 14:08 in Tokyo, three minutes after the factory's entry.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-12T05:08:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const reference = {
  '/api/areas': {
    body: {
      items: [
        { id: 'a1', name: '千代田' },
        { id: 'a2', name: '港' },
      ],
    },
  },
  '/api/users': {
    body: {
      items: [
        { id: 'u2', name: '田中 一郎', role: 'rep', teamId: 'team1' },
        { id: 'u3', name: '鈴木 花子', role: 'rep', teamId: 'team1' },
      ],
    },
  },
};

const page = (items: CustomerHistory['items'], nextBefore: number | null = null) => ({
  body: { items, nextBefore } satisfies CustomerHistory,
});

const renderHistory = (pages: Record<string, ReturnType<typeof page>>) => {
  const fetch = mockFetch({ ...reference, ...pages });
  return { fetch, ...renderWithApp(<CustomerHistoryCard customer={buildCustomer()} />) };
};

const entries = async () => {
  const history = await screen.findByTestId('customer-history');
  await waitFor(() => expect(within(history).queryAllByTestId('history-entry').length).toBeGreaterThan(0));
  return within(history).getAllByTestId('history-entry');
};

/** An entry's changed fields as 「label: before → after」 lines. */
const changeLines = (entry: HTMLElement | undefined) =>
  [...(entry?.querySelectorAll('dt') ?? [])].map(
    (term) => `${term.textContent}: ${term.nextElementSibling?.textContent ?? ''}`,
  );

describe('CustomerHistoryCard', () => {
  it('says who changed what and when, with the form labels and before → after', async () => {
    renderHistory({ '/api/customers/c1/history': page([buildHistoryEntry()]) });
    const [entry] = await entries();
    expect(entry?.textContent).toContain('田中 一郎（営業担当）');
    expect(entry?.textContent).toContain('3分前（2026/05/12 14:05）');
    expect(entry?.textContent).toContain('更新');
    expect(changeLines(entry)).toEqual(['電話番号: 03-1111-2222 → 03-3333-4444']);
  });

  it('shows values readably: time windows, weekdays, booleans, names for ids, — for empty', async () => {
    renderHistory({
      '/api/customers/c1/history': page([
        buildHistoryEntry({
          seq: 12,
          changes: {
            timeWindows: { before: [], after: [{ start: '09:00', end: '12:00' }] },
            preferredWeekdays: { before: [0, 1], after: [5, 1, 3] },
            repId: { before: 'u2', after: 'u3' },
            areaId: { before: null, after: 'a2' },
            status: { before: 'active', after: 'dormant' },
            cautions: { before: '駐車場は裏手', after: '' },
          },
        }),
        buildHistoryEntry({
          seq: 11,
          table: 'customer_contacts',
          recordId: 'k1',
          changes: { isPrimary: { before: false, after: true } },
        }),
      ]),
    });
    const [customerEntry, contactEntry] = await entries();
    // In the form's order, whatever order the server sent.
    expect(changeLines(customerEntry)).toEqual([
      '担当営業: 田中 一郎 → 鈴木 花子',
      'エリア: — → 港',
      'ステータス: 稼働 → 休眠',
      '訪問曜日: 月日 → 月水金',
      '訪問時間帯: — → 09:00–12:00',
      '注意点: 駐車場は裏手 → —',
    ]);
    expect(changeLines(contactEntry)).toEqual(['主担当: いいえ → はい']);
  });

  it("labels a contact's changes with the contact and marks changes from a CSV import", async () => {
    renderHistory({
      '/api/customers/c1/history': page([
        buildHistoryEntry({
          seq: 21,
          table: 'customer_contacts',
          recordId: 'k9',
          action: 'create',
          changes: { name: { after: '高橋 誠' }, title: { after: '店長' } },
          context: { importId: 'imp-1' },
        }),
      ]),
    });
    const [entry] = await entries();
    expect(entry?.textContent).toContain('担当者: 高橋 誠');
    expect(entry?.textContent).toContain('担当者を追加');
    // The name is in the heading already.
    expect(changeLines(entry)).toEqual(['役職: 店長']);
    expect(within(entry!).getByText('CSV取込')).toBeTruthy();
  });

  it('loads older entries with nextBefore and stops at the last page', async () => {
    const { fetch } = renderHistory({
      '/api/customers/c1/history?limit=50&before=9': page([
        buildHistoryEntry({ seq: 8, changes: { notes: { before: '', after: '古いメモ' } } }),
      ]),
      '/api/customers/c1/history': page([buildHistoryEntry({ seq: 9 })], 9),
    });
    expect(await entries()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'もっと見る' }));
    expect(await screen.findByText('古いメモ')).toBeTruthy();
    expect(await entries()).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'もっと見る' })).toBeNull();
    const urls = fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/history'));
    expect(urls).toEqual([
      '/api/customers/c1/history?limit=50',
      '/api/customers/c1/history?limit=50&before=9',
    ]);
  });

  it('renders stored markup as text, never as HTML', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const { container } = renderHistory({
      '/api/customers/c1/history': page([
        buildHistoryEntry({
          actor: { id: 'u9', name: markup, role: 'rep' },
          changes: { name: { before: '山田商店', after: markup }, notes: { after: `<b>${markup}</b>` } },
        }),
      ]),
    });
    const [entry] = await entries();
    expect(entry?.textContent).toContain(markup);
    expect(changeLines(entry)).toEqual([`会社名: 山田商店 → ${markup}`, `メモ: <b>${markup}</b>`]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('leaves out an update whose recorded values read the same before and after', async () => {
    const sameWindows = {
      before: [{ end: '12:00', start: '09:00' }],
      after: [{ start: '09:00', end: '12:00' }],
    };
    renderHistory({
      '/api/customers/c1/history': page([
        buildHistoryEntry({ seq: 31, changes: { timeWindows: sameWindows } }),
        buildHistoryEntry({
          seq: 30,
          changes: { timeWindows: sameWindows, phone: { before: '1', after: '2' } },
        }),
      ]),
    });
    const shown = await entries();
    expect(shown).toHaveLength(1);
    expect(changeLines(shown[0])).toEqual(['電話番号: 1 → 2']);
  });

  it('shows the first few fields of a long entry and the rest on request', async () => {
    const fields = ['name', 'nameKana', 'postalCode', 'address', 'phone', 'notes', 'cautions', 'preferences'];
    renderHistory({
      '/api/customers/c1/history': page([
        buildHistoryEntry({
          action: 'create',
          changes: Object.fromEntries(fields.map((field) => [field, { after: `${field}-値` }])),
        }),
      ]),
    });
    const [entry] = await entries();
    expect(changeLines(entry)).toHaveLength(5);
    fireEvent.click(within(entry!).getByRole('button', { name: 'ほか3項目を表示' }));
    expect(changeLines(entry)).toHaveLength(8);
    expect(changeLines(entry)[0]).toBe('会社名: name-値');
  });

  it('says so when nothing has been recorded yet', async () => {
    renderHistory({ '/api/customers/c1/history': page([]) });
    expect(await screen.findByText('変更履歴はまだありません')).toBeTruthy();
  });
});
