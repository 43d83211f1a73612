import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { buildCustomer } from '../testing/customer-factories.ts';
import { CustomerVisitCard } from './CustomerVisitCard.tsx';

afterEach(() => i18n.changeLanguage('ja'));

describe('CustomerVisitCard', () => {
  it('writes the cadence with a space before the tolerance: "Every 10 days (±3d)"', async () => {
    await i18n.changeLanguage('en');
    renderWithApp(
      <CustomerVisitCard customer={buildCustomer({ cadenceDays: 10, cadenceToleranceDays: 3 })} />,
    );
    expect((await screen.findByText(/^Every 10 days/)).textContent).toBe('Every 10 days (±3d)');
  });
});
