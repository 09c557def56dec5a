import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  SparkJobDetail,
  SparkJobSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { formatTimestamp } from '../Mlflow/formatValue';
import { creatorName } from '../Notebooks/formatNotebook';
import {
  formatAttempts,
  formatExecutorRequest,
  formatExecutors,
  formatJobDuration,
  formatMain,
  formatPod,
  formatPodSize,
  formatRestartPolicy,
  formatTimeToLive,
} from './formatSpark';
import { jobStateDisplay } from './sparkStates';
import { SparkStatus } from './SparkStatus';
import { NONE } from './SparkTable';
import { SparkTimeline } from './SparkTimeline';
import { SparkUiCell } from './SparkUiCell';

function Fact(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid item xs={12} sm={props.wide ? 12 : 6} md={props.wide ? 8 : 4}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        style={{ wordBreak: 'break-word' }}
      >
        {props.children}
      </Typography>
    </Grid>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography variant="h6" component="h3" gutterBottom>
      {children}
    </Typography>
  );
}

function JobFacts({ job }: { job: SparkJobDetail }) {
  const time = (iso?: string) => (
    <span title={iso}>{formatTimestamp(iso) ?? NONE}</span>
  );
  return (
    <Grid container spacing={2} data-testid="spark-job-facts">
      <Fact label="State" wide>
        <SparkStatus
          display={jobStateDisplay(job.state)}
          reason={job.reason}
          raw={job.state}
        />
      </Fact>
      <Fact label="Namespace">{job.namespace}</Fact>
      <Fact label="Project">{job.project ?? 'Team namespace'}</Fact>
      <Fact label="Created by">
        <span title={job.createdBy}>{creatorName(job.createdBy) ?? NONE}</span>
      </Fact>
      <Fact label="Type">{job.type}</Fact>
      <Fact label="Spark version">{job.sparkVersion ?? NONE}</Fact>
      <Fact label="Image">{job.image ?? NONE}</Fact>
      <Fact label="Runs" wide>
        {formatMain(job) ?? NONE}
      </Fact>
      {job.schedule && <Fact label="Run of schedule">{job.schedule}</Fact>}
      {job.rerunOf && <Fact label="Re-run of">{job.rerunOf}</Fact>}
      <Fact label="Attempts">{formatAttempts(job)}</Fact>
      <Fact label="Created">{time(job.createdAt)}</Fact>
      <Fact label="Submitted">{time(job.submittedAt)}</Fact>
      <Fact label="Ended">{time(job.endedAt)}</Fact>
      <Fact label="Duration">{formatJobDuration(job, Date.now()) ?? NONE}</Fact>
      <Fact label="Driver">
        {job.driver ? (
          <>
            {job.driver.name}: {formatPod(job.driver)}
            {job.driver.reason && (
              <Typography variant="caption" display="block">
                {job.driver.reason}
              </Typography>
            )}
          </>
        ) : (
          NONE
        )}
      </Fact>
      <Fact label="Driver size">{formatPodSize(job.size.driver)}</Fact>
      <Fact label="Executors">
        {formatExecutors(job.executors) ?? 'none running'}
        <Typography variant="caption" display="block">
          asked: {formatExecutorRequest(job.size)}
        </Typography>
      </Fact>
      <Fact label="Spark UI">
        <SparkUiCell job={job.name} ui={job.ui} />
      </Fact>
      <Fact label="Restart policy">
        {formatRestartPolicy(job.restartPolicy)}
      </Fact>
      <Fact label="Time to live">
        {formatTimeToLive(job.timeToLiveSeconds)}
      </Fact>
    </Grid>
  );
}

function Arguments({ args }: { args: string[] }) {
  if (args.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No arguments.
      </Typography>
    );
  }
  return (
    <Box
      component="ol"
      aria-label="Arguments"
      m={0}
      pl={3}
      style={{ fontFamily: 'monospace' }}
    >
      {args.map((arg, index) => (
        <li key={index}>
          <Typography variant="body2" component="code">
            {arg}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function SparkConf({ conf }: { conf: Record<string, string> }) {
  const entries = Object.entries(conf).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No Spark configuration of its own.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Spark configuration">
      <TableBody>
        {entries.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell
              component="th"
              scope="row"
              style={{ fontFamily: 'monospace' }}
            >
              {key}
            </TableCell>
            <TableCell
              style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            >
              {value}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function JobDetail({ job }: { job: SparkJobDetail }) {
  return (
    <>
      <JobFacts job={job} />
      <Box mt={3}>
        <Heading>Arguments</Heading>
        <Arguments args={job.arguments} />
      </Box>
      <Box mt={3}>
        <Heading>Spark configuration</Heading>
        <SparkConf conf={job.sparkConf} />
      </Box>
      <Box mt={3}>
        <Heading>Timeline</Heading>
        <SparkTimeline timeline={job.timeline} />
      </Box>
    </>
  );
}

/** A job read anew with its arguments, configuration and the timeline of its attempts. */
export function SparkJobDetailDialog(props: {
  job: SparkJobSummary;
  onClose(): void;
}) {
  const { job, onClose } = props;
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getSparkJob(job.namespace, job.name),
    [api, job.namespace, job.name],
  );
  let content: ReactNode;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        error={error}
        title={`Could not read Spark job ${job.name}`}
      />
    );
  } else {
    content = <JobDetail job={value!} />;
  }
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby="spark-job-detail-title"
    >
      <DialogTitle id="spark-job-detail-title">
        Spark job {job.name}
      </DialogTitle>
      <DialogContent dividers>{content}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
