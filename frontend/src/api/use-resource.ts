import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

/** The state of one load: loading, failed with an error, or ready with data. */
export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown }
  | { status: 'ready'; data: T; error?: undefined };

/**
 * Loads data with `load(signal)` whenever `deps` change, aborting the previous load;
 * `reload()` fetches again, keeping the current data on screen until the new data arrives.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const lastGeneration = useRef(generation);

  useEffect(() => {
    const controller = new AbortController();
    // New deps mean other data: show loading. A reload keeps the old data until the new arrives.
    if (lastGeneration.current === generation) setState({ status: 'loading' });
    lastGeneration.current = generation;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
