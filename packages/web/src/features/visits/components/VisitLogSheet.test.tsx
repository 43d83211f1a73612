import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { readDraft } from '../log-drafts.ts';
import { VisitLogForm } from './VisitLogSheet.tsx';

const templates = {
  templates: [
    {
      id: 'default-routine',
      name: '定期訪問・異常なし',
      outcome: 'met',
      satisfaction: 4,
      notes: '定期訪問。異常なし。',
      sortOrder: 1,
    },
    {
      id: 'default-absent',
      name: '不在',
      outcome: 'absent',
      satisfaction: null,
      notes: '不在。',
      sortOrder: 2,
    },
  ],
};
const target = { visitId: 'v1', customerName: '喫茶こもれび', version: null };

const logCalls = (mock: ReturnType<typeof mockFetch>) =>
  mock.mock.calls.filter(([url]) => String(url).startsWith('/api/visits/v1/log'));

describe('VisitLogForm', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('logs a routine visit with two taps (template, 保存) and sends the template’s outcome, notes and satisfaction', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1' } },
    });
    const onDone = vi.fn();
    renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }, { timeout: 5000 }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [, init] = logCalls(mock)[0]!;
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({
      outcome: 'met',
      notes: '定期訪問。異常なし。',
      satisfaction: 4,
      templateId: 'default-routine',
      checkOut: true,
    });
    expect(body.promises).toEqual([]);
    expect(readDraft('v1')).toBeNull();
  });

  it('sends a 申込書 line by its kind code, then lists the saved forms with 写真を添付 before closing', async () => {
    const saved = {
      id: 'f9',
      customerId: 'c1',
      customerCode: 'C-1',
      customerName: '喫茶こもれび',
      kind: 'renewal',
      repId: 'u2',
      repName: '田中 翔太',
      collectedOn: '2026-11-20',
      visitId: 'v1',
      note: '',
      voidedAt: null,
      voidReason: null,
      attachment: null,
      version: 1,
      createdAt: '2026-11-20T01:00:00Z',
      updatedAt: '2026-11-20T01:00:00Z',
    };
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1', log: { forms: [{ id: 'f9' }] } } },
      '/api/forms/f9': { body: saved },
    });
    const onDone = vi.fn();
    renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }, { timeout: 5000 }));
    fireEvent.click(screen.getByRole('button', { name: '申込書を追加' }));
    fireEvent.click(screen.getByRole('combobox', { name: '申込書の種類' }));
    fireEvent.click(await screen.findByRole('option', { name: '更新' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const attach = await screen.findByRole('button', { name: /写真を添付/ }, { timeout: 5000 });
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body.forms).toEqual([{ kind: 'renewal', count: 1 }]);
    expect(onDone).not.toHaveBeenCalled();
    expect(attach).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '完了' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('editing a saved log keeps its 申込書 (by kind and count), so a re-save voids none of them', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1', log: { forms: [] } } },
      '/api/visits/v1': {
        body: {
          id: 'v1',
          log: {
            forms: [
              { id: 'a', kind: 'renewal' },
              { id: 'b', kind: 'renewal' },
              { id: 'c', kind: 'new_service' },
            ],
          },
        },
      },
      '/api/forms/': { status: 404, body: { error: { code: 'not_found', message: '' } } },
    });
    renderWithApp(<VisitLogForm target={{ ...target, version: 3 }} onDone={vi.fn()} />);
    await waitFor(() => expect(screen.getAllByRole('combobox', { name: '申込書の種類' })).toHaveLength(2), {
      timeout: 5000,
    });
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(logCalls(mock)).toHaveLength(1));
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body.forms).toEqual([
      { kind: 'renewal', count: 2 },
      { kind: 'new_service', count: 1 },
    ]);
    expect(body.version).toBe(3);
  });

  it('editing a saved log opens with what it says, and a 保存 sends it back unchanged', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1', log: { forms: [] } } },
      '/api/visits/v1': {
        body: {
          id: 'v1',
          log: {
            outcome: 'met',
            notes: '来月の棚卸しで発注量を見直したいとのこと。',
            needs: '小分けパック',
            complaintHeard: '',
            satisfaction: 4,
            forms: [],
            nextVisitWish: { date: null, note: '月末に再訪' },
            templateId: null,
          },
        },
      },
    });
    renderWithApp(<VisitLogForm target={{ ...target, version: 2 }} onDone={vi.fn()} />);
    expect(
      await screen.findByDisplayValue('来月の棚卸しで発注量を見直したいとのこと。', {}, { timeout: 5000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(logCalls(mock)).toHaveLength(1));
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body).toMatchObject({
      outcome: 'met',
      notes: '来月の棚卸しで発注量を見直したいとのこと。',
      needs: '小分けパック',
      satisfaction: 4,
      nextVisitWish: { note: '月末に再訪' },
      version: 2,
    });
  });

  it('editing a saved log that cannot be loaded (no signal) leaves its 申込書 out of the save, so none is voided', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1', log: { forms: [] } } },
      '/api/visits/v1': { status: 503, body: { error: { code: 'unavailable', message: '' } } },
    });
    renderWithApp(<VisitLogForm target={{ ...target, version: 3 }} onDone={vi.fn()} />);
    // No new 申込書 line can be added meanwhile (the save would list it alone and void the rest).
    expect(await screen.findByTestId('forms-not-loaded', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '申込書を追加' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(logCalls(mock)).toHaveLength(1));
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body).not.toHaveProperty('forms');
    expect(body).toMatchObject({ outcome: 'met', version: 3 });
  });

  it('keeps the draft on the phone when the save fails, shows 未送信, and resends it with the same Idempotency-Key', async () => {
    let fail = true;
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': () =>
        fail
          ? { status: 422, body: { error: { code: 'validation', message: '保存できません' } } }
          : { body: { id: 'v1' } },
    });
    const onDone = vi.fn();
    const view = renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: '不在' }, { timeout: 5000 }));
    fireEvent.change(screen.getByLabelText('約束1'), { target: { value: 'カタログを送る' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByTestId('log-unsent')).textContent).toContain('未送信');
    const draft = readDraft('v1');
    expect(draft?.failed).toBe(true);
    expect(draft?.body.promises?.[0]?.title).toBe('カタログを送る');
    expect(onDone).not.toHaveBeenCalled();

    // Reopened later (a new form), what was typed is back.
    view.unmount();
    renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    expect(await screen.findByDisplayValue('カタログを送る')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const keys = logCalls(mock).map(([, init]) => new Headers(init?.headers).get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(readDraft('v1')).toBeNull();
  });

  it('offers to take the 不満 heard in as a complaint and sends it with the log, with its category and severity', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1' } },
    });
    const onDone = vi.fn();
    renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }, { timeout: 5000 }));
    expect(screen.queryByTestId('log-complaint')).toBeNull();
    fireEvent.change(screen.getByLabelText('不満'), { target: { value: '納品が2日遅れた' } });
    fireEvent.click(screen.getByRole('switch', { name: /対応が必要な不満として受付/ }));
    fireEvent.click(screen.getByRole('radio', { name: '高' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body.complaintHeard).toBe('納品が2日遅れた');
    expect(body.complaint).toMatchObject({ category: 'service', severity: 'high' });
    expect(body.complaint.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no complaint when the switch is left off', async () => {
    const mock = mockFetch({
      '/api/visit-templates': { body: templates },
      '/api/visits/v1/log': { body: { id: 'v1' } },
    });
    const onDone = vi.fn();
    renderWithApp(<VisitLogForm target={target} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: '定期訪問・異常なし' }, { timeout: 5000 }));
    fireEvent.change(screen.getByLabelText('不満'), { target: { value: '少し高い' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const body = JSON.parse(String(logCalls(mock)[0]![1]?.body));
    expect(body.complaintHeard).toBe('少し高い');
    expect(body.complaint).toBeUndefined();
  });
});
