import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ConfigResource } from '../../../api/config';
import { errorText } from '../../../api/errorText';
import { NO_FORM_ERRORS, fieldProblemsOf, formErrorsOf, isStaleVersion, type FormErrors } from '../../../api/fieldErrors';
import { ApiError } from '../../../api/problem';
import { getPath, setPath, type FormValues } from './paths';

export interface EntityFormOptions<Values extends FormValues, Document extends { id: number; version?: number }> {
  resource: ConfigResource<unknown, Document>;
  /** The route's id, or undefined / "new" for a new one. */
  id: string | undefined;
  empty: Values;
  fromDocument(document: Document): Values;
  /** The body to send (without `version`): e.g. leave out an empty password. */
  toRequest(values: Values, isNew: boolean): unknown;
  /** Every field path the form shows for these values: a server problem about another field goes to the summary. */
  shownFields(values: Values): string[];
  /** Where to go after saving or deleting. */
  listPath: string;
  /** How to name the thing in "saved" messages. */
  labelOf(values: Values): string;
}

export interface EntityForm<Values extends FormValues, Document> {
  isNew: boolean;
  values: Values;
  document: Document | null;
  loading: boolean;
  loadError: string | null;
  saving: boolean;
  errors: FormErrors;
  /** The server's explanation when someone else changed the thing meanwhile (409 stale-version). */
  stale: string | null;
  /** A failure that is not about fields (403, 409 in use, network). */
  failure: string | null;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  update(change: (values: Values) => Values): void;
  errorFor(path: string): string | undefined;
  save(): Promise<void>;
  remove(): Promise<void>;
  reload(): void;
}

/**
 * Reading, editing and saving one configuration document: create (POST) or replace (PUT with the
 * version read); a 422's field problems next to their fields, a 409 stale version with the
 * offer to reload, anything else as a message. After saving it returns to the list.
 */
export function useEntityForm<Values extends FormValues, Document extends { id: number; version?: number }>(
  options: EntityFormOptions<Values, Document>,
): EntityForm<Values, Document> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNew = options.id === undefined || options.id === 'new';
  const [values, setValues] = useState<Values>(options.empty);
  const [document, setDocument] = useState<Document | null>(null);
  const [loading, setLoading] = useState(!isNew);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [stale, setStale] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // Read when a load fails, not a reason to load again: switching the language keeps what was typed.
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (isNew) {
      setValues(optionsRef.current.empty);
      setDocument(null);
      setLoading(false);
      return undefined;
    }
    const abort = new AbortController();
    setLoading(true);
    setLoadError(null);
    optionsRef.current.resource
      .get(options.id!, abort.signal)
      .then((loaded) => {
        setDocument(loaded);
        setValues(optionsRef.current.fromDocument(loaded));
        setErrors(NO_FORM_ERRORS);
        setStale(null);
        setFailure(null);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setLoadError(errorText(error, tRef.current));
        setLoading(false);
      });
    return () => abort.abort();
  }, [isNew, options.id, generation]);

  const set = useCallback((path: string, value: unknown) => setValues((previous) => setPath(previous, path, value)), []);
  const update = useCallback((change: (previous: Values) => Values) => setValues(change), []);

  const save = useCallback(async () => {
    const current = optionsRef.current;
    setSaving(true);
    setErrors(NO_FORM_ERRORS);
    setStale(null);
    setFailure(null);
    try {
      const body = current.toRequest(values, isNew);
      if (isNew) {
        await current.resource.create(body);
      } else {
        await current.resource.replace(current.id!, body, document?.version ?? 0);
      }
      navigate(current.listPath, { state: { saved: current.labelOf(values) } });
    } catch (error) {
      if (isStaleVersion(error)) {
        setStale(errorText(error, t));
      } else {
        const problems = fieldProblemsOf(error);
        if (problems.length > 0) {
          setErrors(formErrorsOf(problems, current.shownFields(values)));
        } else if (error instanceof ApiError && error.status === 422) {
          setErrors({ fields: {}, summary: [errorText(error, t)] });
        } else {
          setFailure(errorText(error, t));
        }
      }
    } finally {
      setSaving(false);
    }
  }, [values, isNew, document, navigate, t]);

  const remove = useCallback(async () => {
    const current = optionsRef.current;
    if (isNew) return;
    setSaving(true);
    setFailure(null);
    try {
      await current.resource.remove(current.id!);
      navigate(current.listPath, { state: { deleted: current.labelOf(values) } });
    } catch (error) {
      if (isStaleVersion(error)) {
        setStale(errorText(error, t));
      } else {
        setFailure(errorText(error, t));
      }
    } finally {
      setSaving(false);
    }
  }, [isNew, values, navigate, t]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const get = useCallback((path: string) => getPath(values, path), [values]);
  const errorFor = useCallback((path: string) => errors.fields[path], [errors]);

  return useMemo(
    () => ({ isNew, values, document, loading, loadError, saving, errors, stale, failure, get, set, update, errorFor, save, remove, reload }),
    [isNew, values, document, loading, loadError, saving, errors, stale, failure, get, set, update, errorFor, save, remove, reload],
  );
}
