import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ServingChange } from '@ml-platform/backstage-plugin-ml-platform-common';
import { formatTimestamp } from '../Mlflow/formatValue';
import { historyNewestFirst, userName } from './formatServing';

/** The changes made through the portal, newest first: when, who, what. */
export function ServingHistory({ history }: { history: ServingChange[] }) {
  const changes = historyNewestFirst(history);
  return (
    <InfoCard title="History" subheader="Changes made through the portal">
      {changes.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No changes recorded: the deployment was made outside the portal.
        </Typography>
      ) : (
        <Box
          component="ol"
          m={0}
          pl={0}
          style={{ listStyle: 'none' }}
          aria-label="Change history"
          data-testid="serving-history"
        >
          {changes.map((change, index) => (
            <Box component="li" key={`${change.at}-${index}`} mb={1}>
              <Typography variant="body2">{change.summary}</Typography>
              <Typography variant="caption" color="textSecondary">
                <span title={change.at}>
                  {formatTimestamp(change.at) ?? change.at}
                </span>{' '}
                · <span title={change.by}>{userName(change.by)}</span>
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
