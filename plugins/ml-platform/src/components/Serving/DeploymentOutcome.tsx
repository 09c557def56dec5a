import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { ModelDeploymentResult } from '@ml-platform/backstage-plugin-ml-platform-common';
import { CopyableUrl } from './CopyableUrl';

/** What a dialog's last call came to. */
export type CallOutcome =
  | { kind: 'checked'; result: ModelDeploymentResult }
  | { kind: 'done'; result: ModelDeploymentResult }
  | { kind: 'error'; message: string };

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) {
    return null;
  }
  return (
    <Box component="ul" m={0} pl={2} aria-label="Notes">
      {notes.map((note, index) => (
        <li key={index}>
          <Typography variant="body2">{note}</Typography>
        </li>
      ))}
    </Box>
  );
}

/** How to call a deployment: its prediction URL and an example request. */
export function HowToCall(props: {
  name: string;
  predictionUrl?: string;
  curlExample: string;
}) {
  return (
    <Box data-testid="how-to-call" mt={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        Prediction URL
      </Typography>
      <CopyableUrl
        url={props.predictionUrl}
        label={`prediction URL of ${props.name}`}
        maxWidth={640}
        missing="No gateway is configured: call the service URL from inside the cluster."
      />
      <Box mt={1}>
        <Typography variant="overline" color="textSecondary" component="div">
          Example request
        </Typography>
        <CodeSnippet
          language="shell"
          text={props.curlExample}
          showCopyCodeButton
        />
      </Box>
    </Box>
  );
}

/**
 * A dry run's or a change's outcome: the backend's notes, a refusal in the
 * backend's own words, or (after a real change) how to call the deployment.
 */
export function DeploymentOutcome(props: {
  outcome: CallOutcome;
  /** The headline of a success, e.g. "Deployed … as ns/name". */
  doneTitle: string;
  /** The headline of a passed dry run. */
  checkedTitle: string;
  /** Whether a success shows the prediction URL and the curl example. */
  showHowToCall?: boolean;
}) {
  const { outcome } = props;
  if (outcome.kind === 'error') {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>The backend refused it</AlertTitle>
        <Typography
          variant="body2"
          data-testid="backend-error"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {outcome.message}
        </Typography>
      </Alert>
    );
  }
  const { result } = outcome;
  if (outcome.kind === 'checked') {
    return (
      <Alert severity="info" data-testid="dry-run-result">
        <AlertTitle>{props.checkedTitle}</AlertTitle>
        <Notes notes={result.notes} />
      </Alert>
    );
  }
  return (
    <>
      <Alert severity="success" data-testid="deploy-result">
        <AlertTitle>{props.doneTitle}</AlertTitle>
        <Notes notes={result.notes} />
      </Alert>
      {props.showHowToCall && (
        <HowToCall
          name={result.name}
          predictionUrl={result.predictionUrl}
          curlExample={result.curlExample}
        />
      )}
    </>
  );
}
