import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import {
  commitCustomerImport,
  type ImportEncoding,
  previewCustomerImport,
} from '../api/customer-import-api.ts';

export const usePreviewImport = () =>
  useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: ImportEncoding }) =>
      previewCustomerImport(file, encoding),
  });

export const useCommitImport = () => {
  const queryClient = useQueryClient();
  // Committing the same import again after a lost answer reuses its key: the rows are written once.
  const commit = useMemo(() => createIdempotentAction(commitCustomerImport), []);
  return useMutation({
    mutationFn: commit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
};
