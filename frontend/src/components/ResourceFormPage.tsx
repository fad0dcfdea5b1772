import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Me } from "../api/auth";
import { useAuth } from "../auth/AuthProvider";
import { can, type Capabilities, type Resource } from "../auth/permissions";
import { changed, useForm, type FormState, type FormValues } from "../hooks/useForm";
import { Banner } from "./Banner";
import { FormActions } from "./FormActions";
import { Loading } from "./Guards";
import { PageHeader } from "./PageHeader";
import { QueryError } from "./QueryError";

type Translate = ReturnType<typeof useTranslation>["t"];

/** What the fields (and the panels under the form) of one resource get to work with. */
export interface FormContext<R, V extends FormValues> {
  form: FormState<V>;
  /** The stored record (null on the "new" page). */
  record: R | null;
  writable: boolean;
  capabilities: Capabilities;
  me: Me | null;
}

/**
 * One admin resource's create/edit form: its API calls, how a record becomes form values
 * and back, its texts, and the fields. `ResourceFormPage` does the rest (loading, saving,
 * errors, deleting, navigation) the same way for every resource.
 */
export interface ResourceFormConfig<R extends { id: number }, V extends FormValues, I extends object> {
  /** The section (permissions, `/path`) and the first part of its query keys. */
  resource: Resource & string;
  api: {
    get(id: number): Promise<R>;
    create(input: I): Promise<R>;
    update(id: number, patch: Partial<I>): Promise<R>;
    remove(id: number): Promise<void>;
  };
  empty: V;
  toForm(record: R): V;
  toInput(values: V): I;
  /** What a save sends for a stored record (default: the inputs that changed). */
  patch?(record: R, values: V): Partial<I>;
  /** Who may save (default: write access to `resource`). */
  writable?(capabilities: Capabilities): boolean;
  /** Who may delete this record (default: whoever may save). */
  deletable?(record: R, me: Me | null): boolean;
  /** Save is offered only when this holds (default: always). */
  submittable?(values: V): boolean;
  /** After a create: more writes (a link...); a message when they failed. */
  afterCreate?(created: R, values: V, t: Translate): Promise<string | undefined>;
  /** Other queries a save or delete changes (besides `resource`). */
  alsoInvalidates?: string[];
  text: {
    newTitle(t: Translate): string;
    editTitle(t: Translate, record: R): string;
    created(t: Translate, record: R): string;
    deleteQuestion(t: Translate, record: R): string;
    deleted(t: Translate, record: R): string;
  };
  Fields(props: FormContext<R, V>): ReactNode;
  /** Under the title (e.g. the last login). */
  Header?(props: { record: R }): ReactNode;
  /** Panels under the form for a stored record (memberships, faces, devices...). */
  Panels?(props: FormContext<R, V> & { record: R }): ReactNode;
}

/** The route element: a fresh page per record, so that no state leaks between them. */
export function ResourceFormRoute<R extends { id: number }, V extends FormValues, I extends object>(
  { config }: { config: ResourceFormConfig<R, V, I> }) {
  const { id } = useParams();
  const recordId = id ? Number(id) : null;
  return <ResourceFormPage key={`${config.resource}:${id ?? "new"}`} config={config} recordId={recordId} />;
}

export function ResourceFormPage<R extends { id: number }, V extends FormValues, I extends object>(
  { config, recordId }: { config: ResourceFormConfig<R, V, I>; recordId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { capabilities, me } = useAuth();
  const { resource, api, text } = config;
  const listPath = `/${resource}`;
  const writable = config.writable ? config.writable(capabilities) : can(capabilities, resource, "write");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(config.empty);

  const detailKey = [resource, "detail", recordId];
  const loaded = useQuery({
    queryKey: detailKey,
    queryFn: () => api.get(recordId as number),
    enabled: recordId !== null,
  });
  const record = loaded.data ?? null;
  // The form starts from each version of the record the server answers (after a save, too).
  const [seededFrom, setSeededFrom] = useState<R | null>(null);
  if (record && record !== seededFrom) {
    setSeededFrom(record);
    form.setValues(config.toForm(record));
  }

  /** Reload what a write changed; a deleted record is not asked for again. */
  const invalidate = (deletedId?: number) => queryClient.invalidateQueries({
    predicate: ({ queryKey: [first, kind, id] }) =>
      [resource, ...(config.alsoInvalidates ?? [])].includes(first as string) &&
      !(first === resource && kind === "detail" && id === deletedId),
  });

  const save = useMutation({
    mutationFn: async (values: V): Promise<{ record: R; flashError?: string }> => {
      if (record) {
        const patch = config.patch ? config.patch(record, values)
          : changed(config.toInput(config.toForm(record)), config.toInput(values));
        return { record: Object.keys(patch).length ? await api.update(record.id, patch) : record };
      }
      const created = await api.create(config.toInput(values));
      return { record: created, flashError: await config.afterCreate?.(created, values, t) };
    },
    onSuccess: async ({ record: stored, flashError }) => {
      queryClient.setQueryData([resource, "detail", stored.id], stored);
      await invalidate();
      if (record) {
        form.setValues(config.toForm(stored));
        setSaved(t("common.saved"));
      } else {
        navigate(`${listPath}/${stored.id}`, {
          replace: true, state: { flash: text.created(t, stored), flashError },
        });
      }
    },
  });

  const removal = useMutation({
    mutationFn: (id: number) => api.remove(id),
    onSuccess: (_, id) => invalidate(id),
  });

  if (recordId !== null && !record) {
    return loaded.error
      ? <section className="page"><QueryError error={loaded.error} /></section>
      : <Loading />;
  }

  const title = record ? text.editTitle(t, record) : text.newTitle(t);
  const context: FormContext<R, V> = { form, record, writable, capabilities, me };
  const { Fields, Header, Panels } = config;
  const deletable = record && (config.deletable ? config.deletable(record, me) : true);

  return (
    <section className="page">
      <PageHeader title={title}
        actions={<Link className="button" to={listPath}>{t("common.backToList")}</Link>}>
        {record && Header && <Header record={record} />}
      </PageHeader>
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(async () => {
          await save.mutateAsync(form.values);
        });
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <Fields {...context} />
        {writable && (
          <FormActions submitting={form.submitting} editing={!!record} listPath={listPath}
            disabled={config.submittable ? !config.submittable(form.values) : false}
            remove={record && deletable ? async () => { await removal.mutateAsync(record.id); } : undefined}
            deleteQuestion={record ? text.deleteQuestion(t, record) : undefined}
            deletedFlash={record ? text.deleted(t, record) : undefined}
            onError={form.setFormError} />
        )}
      </form>
      {record && Panels && <Panels {...context} record={record} />}
    </section>
  );
}
