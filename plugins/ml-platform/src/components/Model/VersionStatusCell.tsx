import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ModelVersionSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { versionStatus } from './modelVersions';

const STATUS_COMPONENT = {
  ok: StatusOK,
  pending: StatusPending,
  error: StatusError,
  unknown: StatusWarning,
};

/** The registration status with its colour and, if any, MLflow's message. */
export function VersionStatusCell({
  version,
}: {
  version: ModelVersionSummary;
}) {
  const { level, label } = versionStatus(version.status);
  const Status = STATUS_COMPONENT[level];
  return (
    <>
      <Status>{label}</Status>
      {version.statusMessage && (
        <Typography variant="caption" color="textSecondary" component="div">
          {version.statusMessage}
        </Typography>
      )}
    </>
  );
}
