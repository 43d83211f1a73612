import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import {
  type CompanyProfile,
  type CompanyProfileBody,
  deleteCompanySeal,
  getCompanyProfile,
  updateCompanyProfile,
  uploadCompanySeal,
} from '../api/company-api.ts';

export const companyProfileKey = ['settings', 'company'] as const;

/** The company profile, and its three writes (each keeps its Idempotency-Key across a retry). */
export function useCompanyProfile() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: companyProfileKey, queryFn: ({ signal }) => getCompanyProfile(signal) });
  const actions = useMemo(
    () => ({
      save: createIdempotentAction((input: CompanyProfileBody, key) => updateCompanyProfile(input, key)),
      // A File serialises to {}: its name, size and time tell one upload from another.
      upload: createIdempotentAction(
        (input: { file: File; name: string; size: number; lastModified: number }, key) =>
          uploadCompanySeal(input.file, key),
      ),
      remove: createIdempotentAction((_: null, key) => deleteCompanySeal(key)),
    }),
    [],
  );
  const stored = (profile: CompanyProfile) => queryClient.setQueryData(companyProfileKey, profile);
  const save = useMutation({ mutationFn: actions.save, onSuccess: stored });
  const upload = useMutation({
    mutationFn: (file: File) =>
      actions.upload({ file, name: file.name, size: file.size, lastModified: file.lastModified }),
    onSuccess: stored,
  });
  const remove = useMutation({ mutationFn: () => actions.remove(null), onSuccess: stored });
  return { query, save, upload, remove };
}
