import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AppForm,
  createForm,
  type FormListQuery,
  formKeys,
  getForm,
  listForms,
  updateForm,
  uploadFormAttachment,
  voidForm,
} from '../api/forms-api.ts';

export const useFormList = (query: FormListQuery, enabled = true) =>
  useQuery({
    queryKey: formKeys.list(query),
    queryFn: ({ signal }) => listForms(query, signal),
    enabled,
  });

/** One form; `shown` (the list's row) fills the drawer at once while the form itself loads. */
export const useForm = (id: string | null, shown?: AppForm) =>
  useQuery({
    queryKey: formKeys.one(id ?? ''),
    queryFn: ({ signal }) => getForm(id as string, signal),
    enabled: id !== null,
    placeholderData: shown?.id === id ? shown : undefined,
  });

/** After any write: the form's own entry is the answer; lists, the KPI and the カルテ's timeline refetch. */
const useSettle = () => {
  const client = useQueryClient();
  return (form: AppForm) => {
    client.setQueryData(formKeys.one(form.id), form);
    void client.invalidateQueries({ queryKey: formKeys.lists });
    void client.invalidateQueries({ queryKey: ['kpis'] });
  };
};

export const useCreateForm = () => {
  const settle = useSettle();
  return useMutation({ mutationFn: createForm, onSuccess: settle });
};

export const useUpdateForm = () => {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; kind?: AppForm['kind']; note?: string }) =>
      updateForm(id, body),
    onSuccess: settle,
  });
};

export const useVoidForm = () => {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; reason: string }) => voidForm(id, body),
    onSuccess: settle,
  });
};

export const useUploadAttachment = () => {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => uploadFormAttachment(id, file),
    onSuccess: settle,
  });
};
