import { OrderView } from '../features/orders/components/OrderView.tsx';

export function OrderPage({ orderId }: { orderId: string }) {
  return <OrderView orderId={orderId} />;
}
