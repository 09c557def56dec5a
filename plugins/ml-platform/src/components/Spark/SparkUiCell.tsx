import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { SparkUiInfo } from '@ml-platform/backstage-plugin-ml-platform-common';
import { NONE } from './SparkTable';

/**
 * Where the job's Spark UI is: a link while the driver serves it through the
 * gateway; otherwise why it is not there, and the history server's page of
 * the application when there is one. The UI's Service is named either way,
 * for a port-forward.
 */
export function SparkUiCell(props: { job: string; ui: SparkUiInfo }) {
  const { job, ui } = props;
  return (
    <>
      {ui.url ? (
        <Link
          to={ui.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Spark UI of ${job}`}
        >
          Spark UI
        </Link>
      ) : (
        <Typography variant="body2" color="textSecondary" display="block">
          {ui.note ?? NONE}
        </Typography>
      )}
      {!ui.url && ui.historyUrl && (
        <Typography variant="body2" display="block">
          <Link
            to={ui.historyUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`History server page of ${job}`}
          >
            History server
          </Link>
        </Typography>
      )}
      {ui.service && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          style={{ wordBreak: 'break-all' }}
          title="The UI's Kubernetes Service (kubectl port-forward svc/…)"
        >
          Service {ui.service}
        </Typography>
      )}
    </>
  );
}
