import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { emptyLine, emptyQuoteForm, type QuoteBodyResult } from '../utils/quote-form.ts';
import { QuoteEditor } from './QuoteEditor.tsx';

const start = () =>
  emptyQuoteForm({
    customerId: 'c1',
    customerName: '喫茶こもれび',
    subject: '定期購入',
    lines: [
      emptyLine({ name: 'コピー用紙 A4', quantity: '5', unit: '箱', unitPrice: '3280', taxRate: 10 }),
      emptyLine({ name: 'ドリップコーヒー', quantity: '3', unit: '箱', unitPrice: '1296', taxRate: 8 }),
    ],
  });

const text = (testId: string) => screen.getByTestId(testId).textContent;
const line = (n: number) => within(screen.getAllByTestId('quote-line')[n - 1]!);

describe('QuoteEditor live totals', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each rate’s subtotal and tax, tax rounded once per rate, and the total', async () => {
    renderWithApp(<QuoteEditor initialValues={start()} rounding="floor" lockCustomer onSave={vi.fn()} />);
    await screen.findByTestId('quote-totals', {}, { timeout: 5000 });
    // 3280 × 5 = 16,400 → tax 1,640; 1296 × 3 = 3,888 → 8% tax 311.04 → 311 (切捨て).
    expect(text('subtotal-10')).toBe('¥16,400');
    expect(text('tax-10')).toBe('¥1,640');
    expect(text('subtotal-8')).toBe('¥3,888');
    expect(text('tax-8')).toBe('¥311');
    expect(text('quote-total')).toBe('¥22,239');
    expect(screen.getByText('※は軽減税率（8%）対象です。')).toBeTruthy();
  });

  it('follows typing: a decimal unit price rounds per line, a discount (▲) lowers its rate, a half-typed price is left out', async () => {
    renderWithApp(<QuoteEditor initialValues={start()} rounding="floor" lockCustomer onSave={vi.fn()} />);
    await screen.findByTestId('quote-totals', {}, { timeout: 5000 });
    // 1.5円/枚 × 333 = 499.5 → 499 by 切捨て; the 10% subtotal becomes 499.
    fireEvent.change(line(1).getByLabelText('単価'), { target: { value: '1.5' } });
    fireEvent.change(line(1).getByLabelText('数量'), { target: { value: '333' } });
    expect(line(1).getByTestId('line-amount').textContent).toBe('¥499');
    expect(text('subtotal-10')).toBe('¥499');
    expect(text('tax-10')).toBe('¥49');

    fireEvent.click(screen.getByRole('button', { name: '値引を追加' }));
    fireEvent.change(line(3).getByLabelText('単価'), { target: { value: '３００' } }); // full-width digits
    fireEvent.click(line(3).getByText('8% ※軽減'));
    expect(line(3).getByTestId('line-amount').textContent).toBe('▲¥300');
    expect(text('subtotal-8')).toBe('¥3,588');
    expect(text('tax-8')).toBe('¥287');
    expect(text('quote-total')).toBe(`¥${(499 + 49 + 3588 + 287).toLocaleString('ja-JP')}`);

    fireEvent.change(line(2).getByLabelText('単価'), { target: { value: '12.345' } });
    expect(line(2).getByTestId('line-amount').textContent).toBe('—');
    expect(screen.getByTestId('totals-incomplete').textContent).toContain('1件');
  });

  it('rounds by the document’s mode (四捨五入)', async () => {
    renderWithApp(<QuoteEditor initialValues={start()} rounding="half_up" lockCustomer onSave={vi.fn()} />);
    await screen.findByTestId('quote-totals', {}, { timeout: 5000 });
    expect(text('tax-8')).toBe('¥311');
    fireEvent.change(line(2).getByLabelText('単価'), { target: { value: '1297' } });
    // 1297 × 3 = 3,891 → 311.28 → 311; 1,298 × 3 = 3,894 → 311.52 → 312.
    expect(text('tax-8')).toBe('¥311');
    fireEvent.change(line(2).getByLabelText('単価'), { target: { value: '1298' } });
    expect(text('tax-8')).toBe('¥312');
  });

  it('keeps everything typed after a refused save and puts the server’s messages on the fields', async () => {
    const onSave = vi.fn(async (_request: QuoteBodyResult) => {
      throw new ApiError({
        status: 422,
        code: 'validation_failed',
        message: '入力内容を確認してください。',
        fields: { subject: '必須項目です。', 'lines.1.quantity': '1以上にしてください。' },
      });
    });
    renderWithApp(<QuoteEditor initialValues={start()} rounding="floor" lockCustomer onSave={onSave} />);
    await screen.findByTestId('quote-totals', {}, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText(/件名/), { target: { value: '' } });
    fireEvent.change(line(2).getByLabelText('摘要'), { target: { value: '毎月第1週に納品' } });
    fireEvent.click(screen.getByRole('button', { name: '下書き保存' }));
    await waitFor(() => expect(screen.getByTestId('quote-save-error')).toBeTruthy());
    expect(screen.getByText('必須項目です。')).toBeTruthy();
    expect(line(2).getByText('1以上にしてください。')).toBeTruthy();
    expect((line(2).getByLabelText('摘要') as HTMLInputElement).value).toBe('毎月第1週に納品');
    expect((line(1).getByLabelText('単価') as HTMLInputElement).value).toBe('3280');
    const sent = onSave.mock.calls[0]![0].body;
    expect(sent.lines).toHaveLength(2);
    expect(sent.lines?.[1]).toMatchObject({
      kind: 'item',
      quantity: 3,
      unitPrice: 1296,
      taxRate: 8,
      note: '毎月第1週に納品',
    });
  });
});
