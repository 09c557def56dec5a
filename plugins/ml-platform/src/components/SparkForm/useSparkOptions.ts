import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';

/** What the Spark forms offer (GET /spark/options), read once per field. */
export function useSparkOptions() {
  const api = useApi(mlPlatformApiRef);
  return useAsync(() => api.getSparkOptions(), [api]);
}
