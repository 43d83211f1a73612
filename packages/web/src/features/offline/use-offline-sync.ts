import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { startSync } from './sync-engine.ts';

/** Keeps the phone in sync while someone is signed in (see {@link startSync}). */
export function useOfflineSync(userId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    void startSync(queryClient, userId).catch(() => undefined);
  }, [queryClient, userId]);
}
