import { CodeSnippet, CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import CodeIcon from '@material-ui/icons/Code';
import type { SparkConnection } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';

/** One connection string on one line (the whole in its tooltip), with a copy button. */
function ConnectionString(props: {
  url: string;
  label: string;
  cluster: string;
}) {
  return (
    <Box display="flex" alignItems="center" gridGap={4} maxWidth={260}>
      <Box minWidth={0}>
        <Typography variant="caption" color="textSecondary" display="block">
          {props.label}
        </Typography>
        <Typography
          variant="caption"
          component="code"
          display="block"
          noWrap
          title={props.url}
          style={{ fontFamily: 'monospace' }}
        >
          {props.url}
        </Typography>
      </Box>
      <CopyTextButton
        text={props.url}
        tooltipText="Connection string copied"
        aria-label={`Copy the ${props.label} connection string of ${props.cluster}`}
      />
    </Box>
  );
}

function PySparkDialog(props: {
  cluster: string;
  connection: SparkConnection;
  onClose(): void;
}) {
  return (
    <Dialog
      open
      onClose={props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="pyspark-snippet-title"
    >
      <DialogTitle id="pyspark-snippet-title">
        Connect to {props.cluster} from PySpark
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          From a notebook or a pod in the cluster (PySpark 3.4 or later, with
          Spark Connect):
        </DialogContentText>
        <CodeSnippet
          language="python"
          text={props.connection.pyspark}
          showCopyCodeButton
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Where Spark Connect clients connect, with copy buttons, and a PySpark
 * snippet in a dialog; Apache's standalone clusters have no such server.
 */
export function SparkConnectionCell(props: {
  cluster: string;
  connection?: SparkConnection;
}) {
  const { cluster, connection } = props;
  const [snippetOpen, setSnippetOpen] = useState(false);
  if (!connection) {
    return (
      <Typography variant="caption" color="textSecondary">
        No Spark Connect server: a standalone cluster, for jobs only
      </Typography>
    );
  }
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <ConnectionString
        url={connection.inCluster}
        label="in-cluster"
        cluster={cluster}
      />
      {connection.gateway && (
        <ConnectionString
          url={connection.gateway}
          label="gateway"
          cluster={cluster}
        />
      )}
      <Button
        size="small"
        startIcon={<CodeIcon fontSize="small" />}
        onClick={() => setSnippetOpen(true)}
        aria-label={`PySpark snippet of ${cluster}`}
      >
        PySpark
      </Button>
      {snippetOpen && (
        <PySparkDialog
          cluster={cluster}
          connection={connection}
          onClose={() => setSnippetOpen(false)}
        />
      )}
    </Box>
  );
}
