import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { buildPlan } from '../testing/plan-factories.ts';
import { OptimizeProgress } from './OptimizeProgress.tsx';

describe('OptimizeProgress', () => {
  it("shows the job's fraction and translated step, with キャンセル while it runs", async () => {
    const onCancel = vi.fn();
    renderWithApp(
      <OptimizeProgress
        plan={buildPlan({ status: 'running', progress: { fraction: 0.42, message: 'solving' } })}
        onCancel={onCancel}
        cancelling={false}
        onDismiss={vi.fn()}
      />,
    );
    expect((await screen.findByRole('status')).textContent).toBe('ルートを計算しています…');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('ends at 100 % when ready, and says so clearly when the job failed', async () => {
    const { unmount } = renderWithApp(
      <OptimizeProgress
        plan={buildPlan({ status: 'ready', progress: { fraction: 0.97, message: 'saving' } })}
        onCancel={vi.fn()}
        cancelling={false}
        onDismiss={vi.fn()}
      />,
    );
    expect((await screen.findByRole('status')).textContent).toBe('最適化が完了しました');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.queryByRole('button', { name: 'キャンセル' })).toBeNull();
    unmount();

    renderWithApp(
      <OptimizeProgress
        plan={buildPlan({ status: 'failed' })}
        onCancel={vi.fn()}
        cancelling={false}
        onDismiss={vi.fn()}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('最適化に失敗しました');
  });
});
