import { useMutation, useQueryClient } from '@tanstack/react-query';
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
  return useMutation({
    mutationFn: (importId: string) => commitCustomerImport(importId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
};
