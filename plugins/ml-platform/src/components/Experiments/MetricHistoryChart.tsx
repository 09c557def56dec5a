import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  MetricPoint,
  RunSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { describeMlflowError } from '../Mlflow/describeMlflowError';
import { formatMetric } from '../Mlflow/formatValue';
import { seriesColor } from '../Mlflow/seriesColors';
import {
  historyCandidates,
  historyKeys,
  mergeHistories,
  pickHistoryMetric,
} from './chartData';
import { KeySelect } from './KeySelect';

/** jsdom measures nothing: charts start at this size until the browser tells otherwise. */
const INITIAL_SIZE = { width: 640, height: 320 };

type Props = {
  runs: RunSummary[];
  labels: Map<string, string>;
  /** Every metric of the runs: what the select offers. */
  metricKeys: string[];
  /** The table's metric columns: the chart starts with one of them. */
  preferred: string[];
};

type RunHistory = {
  run: RunSummary;
  metrics: Record<string, MetricPoint[]>;
  error?: string;
};

/**
 * A metric over the training steps, one line per selected run. The
 * histories of the runs' common metrics come in one request per run, so
 * switching between them needs no new request.
 */
export function MetricHistoryChart(props: Props) {
  const { runs, labels, metricKeys, preferred } = props;
  const api = useApi(mlPlatformApiRef);
  const [chosen, setChosen] = useState<string | undefined>();
  const candidates = useMemo(
    () =>
      historyCandidates(
        runs.map(r => r.metrics),
        preferred,
      ),
    [runs, preferred],
  );
  const selected = chosen && metricKeys.includes(chosen) ? chosen : undefined;
  const keys = historyKeys(candidates, selected);
  const runIds = runs.map(r => r.id).join(',');

  const { value: histories, loading } = useAsync(async (): Promise<
    RunHistory[]
  > => {
    if (keys.length === 0) {
      return [];
    }
    const results = await Promise.allSettled(
      runs.map(run => api.getMetricHistory(run.id, keys)),
    );
    return results.map((result, index) => ({
      run: runs[index],
      metrics: result.status === 'fulfilled' ? result.value.metrics : {},
      error:
        result.status === 'rejected'
          ? describeMlflowError(result.reason as Error).message
          : undefined,
    }));
    // runIds and the joined keys stand for runs and keys
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, runIds, keys.join('\n')]);

  const metric =
    selected ??
    pickHistoryMetric(
      candidates,
      (histories ?? []).map(h => h.metrics),
    ) ??
    metricKeys[0];

  if (!metric) {
    return (
      <Typography variant="body2" color="textSecondary">
        The selected runs logged no metrics.
      </Typography>
    );
  }
  const all = histories ?? [];
  const pointsOf = (h: RunHistory) => h.metrics[metric] ?? [];
  const rows = mergeHistories(
    all.map(h => ({ runId: h.run.id, points: pointsOf(h) })),
  );
  const plotted = all.filter(h => pointsOf(h).length > 0);
  const without = all.filter(h => pointsOf(h).length === 0 && !h.error);
  const failed = all.filter(h => h.error);
  const nameOf = (run: RunSummary) => labels.get(run.id) ?? run.name;

  return (
    <Box data-testid="metric-history-chart">
      <Box display="flex" alignItems="center" gridGap={16} mb={2}>
        <Typography variant="h6" component="h3">
          Metric history
        </Typography>
        <KeySelect
          id="metric-history-metric"
          label="History of metric"
          options={metricKeys}
          value={metric}
          onChange={setChosen}
        />
      </Box>
      {loading && <Progress />}
      {!loading && plotted.length === 0 && failed.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None of the selected runs has a history of {metric}.
        </Typography>
      )}
      {!loading && plotted.length > 0 && (
        <ResponsiveContainer
          width="100%"
          height={INITIAL_SIZE.height}
          initialDimension={INITIAL_SIZE}
        >
          <LineChart
            data={rows}
            margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            accessibilityLayer
            aria-label={`${metric} by step`}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDecimals={false}
              label={{ value: 'step', position: 'insideBottom', offset: -12 }}
            />
            <YAxis tickFormatter={v => formatMetric(v)} width={64} />
            <Tooltip
              formatter={v => formatMetric(Number(v))}
              labelFormatter={step => `step ${step}`}
            />
            <Legend verticalAlign="top" itemSorter={null} />
            {plotted.map(({ run }) => (
              <Line
                key={run.id}
                dataKey={run.id}
                name={nameOf(run)}
                stroke={seriesColor(runs.indexOf(run))}
                dot={rows.length <= 50}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
      {!loading && without.length > 0 && plotted.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          No history of {metric} for:{' '}
          {without.map(h => nameOf(h.run)).join(', ')}.
        </Typography>
      )}
      {!loading &&
        failed.map(h => (
          <Typography
            key={h.run.id}
            variant="caption"
            color="error"
            component="p"
          >
            Could not read the history of {nameOf(h.run)}: {h.error}
          </Typography>
        ))}
    </Box>
  );
}
