import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import type { RunSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo } from 'react';
import { rankKeys } from '../Mlflow/keyColumns';
import { seriesColor } from '../Mlflow/seriesColors';
import { defaultComparisonKey, runLabels, unionKeys } from './chartData';
import { MetricHistoryChart } from './MetricHistoryChart';
import { ParamMetricScatter } from './ParamMetricScatter';
import type { PickedColumns } from './runColumns';

type Props = {
  runs: RunSummary[];
  /** The runs table's columns: the comparison starts with one of them. */
  columns: PickedColumns;
  onRemove: (run: RunSummary) => void;
  onClear: () => void;
};

/** The selected runs on charts: a metric over steps, and a param against a metric. */
export function RunComparison({ runs, columns, onRemove, onClear }: Props) {
  const labels = useMemo(() => runLabels(runs), [runs]);
  const metricKeys = useMemo(() => unionKeys(runs.map(r => r.metrics)), [runs]);
  const paramKeys = useMemo(() => unionKeys(runs.map(r => r.params)), [runs]);
  const defaultMetric = defaultComparisonKey(
    runs.map(r => r.metrics),
    columns.metrics,
  );
  // The param that tells the runs apart best, rather than the first column.
  const defaultParam = rankKeys(
    runs.map(r => r.params),
    1,
  )[0];

  return (
    <InfoCard
      title="Compare runs"
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        runs.length === 0
          ? 'No runs selected'
          : `${runs.length} run${runs.length === 1 ? '' : 's'} selected`
      }
    >
      <Box
        data-testid="compare-runs"
        display="flex"
        flexDirection="column"
        gridGap={16}
      >
        {runs.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            Tick runs in the Compare column of the table above (two or more) to
            see their metric histories over the training steps and how a
            parameter relates to a metric.
          </Typography>
        ) : (
          <>
            <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
              {runs.map((run, index) => (
                <Chip
                  key={run.id}
                  size="small"
                  label={labels.get(run.id)}
                  onDelete={() => onRemove(run)}
                  style={{
                    margin: 0,
                    borderLeft: `6px solid ${seriesColor(index)}`,
                  }}
                />
              ))}
              <Button size="small" onClick={onClear}>
                Clear selection
              </Button>
            </Box>
            {runs.length === 1 && (
              <Typography variant="body2" color="textSecondary">
                Select at least one more run to compare it with.
              </Typography>
            )}
            <MetricHistoryChart
              runs={runs}
              labels={labels}
              metricKeys={metricKeys}
              preferred={columns.metrics}
            />
            <Divider />
            <ParamMetricScatter
              runs={runs}
              labels={labels}
              paramKeys={paramKeys}
              metricKeys={metricKeys}
              defaultParam={defaultParam}
              defaultMetric={defaultMetric}
            />
          </>
        )}
      </Box>
    </InfoCard>
  );
}
