import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';

/** What the notebook form offers (GET /notebooks/options), read once per field. */
export function useNotebookOptions() {
  const api = useApi(mlPlatformApiRef);
  return useAsync(() => api.getNotebookOptions(), [api]);
}
