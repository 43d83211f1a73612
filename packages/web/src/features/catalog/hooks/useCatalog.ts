import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import {
  type CatalogFilters,
  commitProductImport,
  createPriceEntry,
  createProduct,
  deletePriceEntry,
  getProduct,
  type ImportEncoding,
  listProductPrices,
  listProducts,
  previewProductImport,
  updatePriceEntry,
  updateProduct,
} from '../api/catalog-api.ts';

export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'list'] as const,
  list: (filters: CatalogFilters) => [...catalogKeys.lists(), filters] as const,
  detail: (id: string) => [...catalogKeys.all, 'product', id] as const,
  prices: (productId: string) => [...catalogKeys.all, 'prices', productId] as const,
};

/** The catalog, a page at a time (keyset cursor), for the filters. */
export const useProducts = (filters: CatalogFilters) =>
  useInfiniteQuery({
    queryKey: catalogKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listProducts(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useProduct = (id: string | null) =>
  useQuery({
    queryKey: catalogKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getProduct(id as string, signal),
    enabled: id !== null,
  });

export const useProductPrices = (productId: string | null) =>
  useQuery({
    queryKey: catalogKeys.prices(productId ?? ''),
    queryFn: ({ signal }) => listProductPrices(productId as string, signal),
    enabled: productId !== null,
  });

const useRefreshCatalog = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogKeys.all });
};

// One idempotent action per hook: 保存 pressed again after a lost answer resends the same key.

export const useCreateProduct = () => {
  const refresh = useRefreshCatalog();
  const create = useMemo(() => createIdempotentAction(createProduct), []);
  return useMutation({ mutationFn: create, onSuccess: refresh });
};

export const useUpdateProduct = () => {
  const refresh = useRefreshCatalog();
  const update = useMemo(() => createIdempotentAction(updateProduct), []);
  return useMutation({ mutationFn: update, onSuccess: refresh });
};

export const useCreatePriceEntry = () => {
  const refresh = useRefreshCatalog();
  const create = useMemo(() => createIdempotentAction(createPriceEntry), []);
  return useMutation({ mutationFn: create, onSuccess: refresh });
};

export const useUpdatePriceEntry = () => {
  const refresh = useRefreshCatalog();
  const update = useMemo(() => createIdempotentAction(updatePriceEntry), []);
  return useMutation({ mutationFn: update, onSuccess: refresh });
};

export const useDeletePriceEntry = () => {
  const refresh = useRefreshCatalog();
  const remove = useMemo(() => createIdempotentAction(deletePriceEntry), []);
  return useMutation({ mutationFn: remove, onSuccess: refresh });
};

export const usePreviewProductImport = () =>
  useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: ImportEncoding }) =>
      previewProductImport(file, encoding),
  });

export const useCommitProductImport = () => {
  const refresh = useRefreshCatalog();
  const commit = useMemo(() => createIdempotentAction(commitProductImport), []);
  return useMutation({ mutationFn: commit, onSuccess: refresh });
};
