import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ModelVersionSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetric } from '../Mlflow/formatValue';
import { seriesColor } from '../Mlflow/seriesColors';
import { versionMetricSeries } from './modelVersions';

/** jsdom measures nothing: charts start at this size until the browser tells otherwise. */
const INITIAL_SIZE = { width: 640, height: 320 };

/** One chosen metric of each version's source run, as bars oldest to newest. */
export function CompareVersionsChart(props: {
  versions: ModelVersionSummary[];
  metricKeys: string[];
  defaultMetric?: string;
}) {
  const [metric, setMetric] = useState(
    props.defaultMetric ?? props.metricKeys[0] ?? '',
  );
  const { points, missing } = versionMetricSeries(props.versions, metric);

  return (
    <InfoCard
      title="Compare versions"
      subheader="A metric of each version's source run"
    >
      <Box data-testid="compare-versions-chart">
        {props.metricKeys.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            The versions' source runs logged no metrics, so there is nothing to
            compare. Log metrics in the training run (
            <code>mlflow.log_metric("val_accuracy", 0.93)</code>) before
            registering the model.
          </Typography>
        ) : (
          <>
            <TextField
              id="compare-versions-metric"
              select
              label="Metric"
              value={metric}
              onChange={e => setMetric(e.target.value)}
              SelectProps={{ native: true }}
              variant="outlined"
              size="small"
              style={{ minWidth: 240, marginBottom: 16 }}
            >
              {props.metricKeys.map(key => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </TextField>
            {points.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No version's source run has the metric {metric}.
              </Typography>
            ) : (
              <ResponsiveContainer
                width="100%"
                height={INITIAL_SIZE.height}
                initialDimension={INITIAL_SIZE}
              >
                <BarChart
                  data={points}
                  margin={{ top: 24, right: 16, bottom: 8, left: 8 }}
                  accessibilityLayer
                  aria-label={`${metric} per version`}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" />
                  <YAxis tickFormatter={v => formatMetric(v)} width={64} />
                  <Tooltip formatter={v => formatMetric(Number(v))} />
                  <Bar dataKey="value" name={metric} isAnimationActive={false}>
                    {points.map((point, index) => (
                      <Cell key={point.version} fill={seriesColor(index)} />
                    ))}
                    <LabelList
                      dataKey="value"
                      position="top"
                      formatter={(v: unknown) => formatMetric(Number(v))}
                    />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            )}
            {missing.length > 0 && points.length > 0 && (
              <Typography variant="caption" color="textSecondary">
                Without {metric}: {missing.join(', ')} (the source run did not
                log it, or is unavailable).
              </Typography>
            )}
          </>
        )}
      </Box>
    </InfoCard>
  );
}
